-- gold.training_yearly: silver.training summed per series, programme and year.
-- Every column but the key adds up (see investment_monthly.sql). An optional measure sums to 0
-- over rows that report none, and its *_records column counts the rows that report it.
SELECT series, program, year,
       COALESCE(SUM(cost_usd), 0) AS cost_usd,
       COUNT(cost_usd) AS cost_records,
       COALESCE(SUM(revenue_usd), 0) AS revenue_usd,
       COUNT(revenue_usd) AS revenue_records,
       SUM(participants) AS participants,
       COALESCE(SUM(jobs), 0) AS jobs,
       COUNT(jobs) AS jobs_records,
       COALESCE(SUM(startups), 0) AS startups,
       COUNT(startups) AS startups_records,
       COUNT(*) AS records
FROM silver.training
GROUP BY series, program, year
