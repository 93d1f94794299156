-- gold.investment_monthly: silver.investment summed per series, year, month, country and tech
-- flag.
-- Every column but the key adds up. A rebuild runs this over all of silver.investment; a nightly
-- run runs it over the rows its MERGE added to silver and over the rows it removed, and adds
-- the difference, so it reads only what changed.
SELECT series, year, month, country_iso3, is_tech,
       SUM(amount_usd) AS amount_usd,
       COUNT(*) AS records
FROM silver.investment
GROUP BY series, year, month, country_iso3, is_tech
