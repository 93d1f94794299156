-- gold.fund_yearly: silver.fund summed per series, fund, year, country and tech flag.
-- Every column but the key adds up (see investment_monthly.sql). An optional measure sums to 0
-- over rows that report none, and its *_records column counts the rows that report it.
SELECT series, fund_id, year, country_iso3, is_tech,
       SUM(disbursed_usd) AS disbursed_usd,
       COALESCE(SUM(return_usd), 0) AS return_usd,
       COUNT(return_usd) AS return_records,
       COALESCE(SUM(jobs), 0) AS jobs,
       COUNT(jobs) AS jobs_records,
       COUNT(*) AS records
FROM silver.fund
GROUP BY series, fund_id, year, country_iso3, is_tech
