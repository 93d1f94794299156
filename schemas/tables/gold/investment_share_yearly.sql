-- gold.investment_share_yearly: one row per series, year, group_type and group_key.
-- Every figure is computed within one series: a year's total is its series' total.
-- Partner status is judged per record at the middle of its period: the 15th of its month when
-- the month is known, otherwise 1 July of its year. A membership counts from valid_from
-- (inclusive) to valid_to (exclusive); a null bound is open.
-- It reads gold.investment_monthly, silver.investment already summed by year, month and country
-- (a few thousand rows however long the history); every total below adds up those sums, which
-- are exact decimals like the amounts.
WITH records AS (
  SELECT series, year, country_iso3, SUM(amount_usd) AS amount_usd,
         CASE WHEN month IS NULL THEN make_date(year, 7, 1) ELSE make_date(year, month, 15) END AS as_of
  FROM gold.investment_monthly
  GROUP BY series, year, month, country_iso3
),
totals AS (
  SELECT series, year, SUM(amount_usd) AS total_usd FROM records GROUP BY series, year
),
grouped AS (
  SELECT r.series, r.year, g.group_type, g.group_id AS group_key, SUM(r.amount_usd) AS amount_usd
  FROM records r
  JOIN ref.country_group g
    ON g.iso3 = r.country_iso3
   AND (g.valid_from IS NULL OR r.as_of >= g.valid_from)
   AND (g.valid_to IS NULL OR r.as_of < g.valid_to)
  GROUP BY r.series, r.year, g.group_type, g.group_id
),
-- Every series' year with data has a row for every country group, 0 when no partner received anything.
country_groups AS (
  SELECT t.series, t.year, 'country_group' AS group_type, ids.group_id AS group_key,
         COALESCE(gr.amount_usd, 0) AS amount_usd
  FROM totals t
  CROSS JOIN (SELECT DISTINCT group_id FROM ref.country_group WHERE group_type = 'country_group') ids
  LEFT JOIN grouped gr
    ON gr.series = t.series AND gr.year = t.year AND gr.group_type = 'country_group' AND gr.group_key = ids.group_id
),
amounts AS (
  SELECT series, year, 'all' AS group_type, 'all' AS group_key, total_usd AS amount_usd FROM totals
  UNION ALL
  SELECT series, year, group_type, group_key, amount_usd FROM country_groups
  UNION ALL
  SELECT series, year, group_type, group_key, amount_usd FROM grouped WHERE group_type = 'region'
  UNION ALL
  SELECT series, year, 'country', country_iso3, SUM(amount_usd) FROM records
  GROUP BY series, year, country_iso3
)
SELECT a.series,
       a.year,
       a.group_type,
       a.group_key,
       a.amount_usd,
       t.total_usd,
       CASE WHEN t.total_usd = 0 THEN NULL
            ELSE CAST(a.amount_usd AS DOUBLE) / CAST(t.total_usd AS DOUBLE) END AS share,
       -- Growth against the previous calendar year only; null when that year has no amount.
       CASE WHEN p.amount_usd IS NULL OR p.amount_usd = 0 THEN NULL
            ELSE CAST(a.amount_usd - p.amount_usd AS DOUBLE) / CAST(p.amount_usd AS DOUBLE) END AS yoy_growth
FROM amounts a
JOIN totals t ON t.series = a.series AND t.year = a.year
LEFT JOIN amounts p
  ON p.series = a.series AND p.group_type = a.group_type AND p.group_key = a.group_key AND p.year = a.year - 1
