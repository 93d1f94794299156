-- gold.joint_lab_yearly: silver.joint_lab summed per series, programme and year.
-- Every column but the key adds up (see investment_monthly.sql). An optional measure sums to 0
-- over rows that report none, and its *_records column counts the rows that report it.
SELECT series, program, year,
       COALESCE(SUM(funding_usd), 0) AS funding_usd,
       COUNT(funding_usd) AS funding_records,
       COALESCE(SUM(trainees), 0) AS trainees,
       COUNT(trainees) AS trainees_records,
       COALESCE(SUM(papers), 0) AS papers,
       COUNT(papers) AS papers_records,
       COALESCE(SUM(patents), 0) AS patents,
       COUNT(patents) AS patents_records,
       COUNT(*) AS records
FROM silver.joint_lab
GROUP BY series, program, year
