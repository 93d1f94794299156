-- gold.tech_investment_ratio_yearly: one row per series, year, flow and group.
-- Flows are outbound investment (amount_usd) and fund disbursements (disbursed_usd). A record
-- whose sector is unknown counts in the total and in unclassified_amount_usd, never as tech.
-- The flows come already summed by year, month, country and tech flag (gold.investment_monthly,
-- gold.fund_yearly: a few thousand rows however long the history); every sum below adds up those
-- sums, which are exact decimals like the amounts.
WITH flows AS (
  SELECT series, 'investment' AS flow, year, month, country_iso3, amount_usd, is_tech
  FROM gold.investment_monthly
  UNION ALL
  SELECT series, 'fund' AS flow, year, CAST(NULL AS INT) AS month, country_iso3, disbursed_usd, is_tech
  FROM gold.fund_yearly
),
records AS (
  SELECT series, flow, year, country_iso3, is_tech, SUM(amount_usd) AS amount_usd,
         CASE WHEN month IS NULL THEN make_date(year, 7, 1) ELSE make_date(year, month, 15) END AS as_of
  FROM flows
  GROUP BY series, flow, year, month, country_iso3, is_tech
),
tagged AS (
  SELECT series, flow, year, 'all' AS group_type, 'all' AS group_key, amount_usd, is_tech FROM records
  UNION ALL
  SELECT r.series, r.flow, r.year, g.group_type, g.group_id, r.amount_usd, r.is_tech
  FROM records r
  JOIN ref.country_group g
    ON g.iso3 = r.country_iso3
   AND (g.valid_from IS NULL OR r.as_of >= g.valid_from)
   AND (g.valid_to IS NULL OR r.as_of < g.valid_to)
  UNION ALL
  SELECT series, flow, year, 'country', country_iso3, amount_usd, is_tech FROM records
),
sums AS (
  SELECT series, year, flow, group_type, group_key,
         SUM(CASE WHEN is_tech THEN amount_usd ELSE 0 END) AS tech_amount_usd,
         SUM(amount_usd) AS total_amount_usd,
         SUM(CASE WHEN is_tech IS NULL THEN amount_usd ELSE 0 END) AS unclassified_amount_usd
  FROM tagged
  GROUP BY series, year, flow, group_type, group_key
)
SELECT series, year, flow, group_type, group_key, tech_amount_usd, total_amount_usd,
       CASE WHEN total_amount_usd = 0 THEN NULL
            ELSE CAST(tech_amount_usd AS DOUBLE) / CAST(total_amount_usd AS DOUBLE) END AS tech_ratio,
       unclassified_amount_usd
FROM sums
