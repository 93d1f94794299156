-- gold.program_roi_yearly: one row per series, programme and year.
-- Cost: training cost, joint-lab funding, fund disbursements. Return: start-up revenue of
-- training programmes and fund returns. ROI is null when cost is 0 or no return is reported.
-- The inputs come already summed per programme and year (gold.training_yearly,
-- gold.joint_lab_yearly, gold.fund_yearly). A measure that no row of a group reports is null
-- there, as SUM over those rows would be: its *_records count is 0.
WITH activity AS (
  SELECT series, program, year,
         CASE WHEN cost_records > 0 THEN cost_usd END AS cost_usd,
         CASE WHEN revenue_records > 0 THEN revenue_usd END AS return_usd,
         participants,
         CASE WHEN jobs_records > 0 THEN jobs END AS jobs,
         CASE WHEN startups_records > 0 THEN startups END AS startups,
         CAST(NULL AS BIGINT) AS papers, CAST(NULL AS BIGINT) AS patents
  FROM gold.training_yearly
  UNION ALL
  SELECT series, COALESCE(program, 'joint_labs'), year,
         CASE WHEN funding_records > 0 THEN funding_usd END,
         CAST(NULL AS DECIMAL(32, 2)),
         CASE WHEN trainees_records > 0 THEN trainees END,
         CAST(NULL AS BIGINT), CAST(NULL AS BIGINT),
         CASE WHEN papers_records > 0 THEN papers END,
         CASE WHEN patents_records > 0 THEN patents END
  FROM gold.joint_lab_yearly
  UNION ALL
  SELECT series, fund_id, year, disbursed_usd,
         CASE WHEN return_records > 0 THEN return_usd END,
         CAST(NULL AS BIGINT),
         CASE WHEN jobs_records > 0 THEN jobs END,
         CAST(NULL AS BIGINT), CAST(NULL AS BIGINT), CAST(NULL AS BIGINT)
  FROM gold.fund_yearly
),
yearly AS (
  SELECT series, program, year,
         SUM(cost_usd) AS cost_usd, SUM(return_usd) AS return_usd,
         SUM(participants) AS participants, SUM(jobs) AS jobs, SUM(startups) AS startups,
         SUM(papers) AS papers, SUM(patents) AS patents
  FROM activity
  GROUP BY series, program, year
),
cumulative AS (
  SELECT y.*,
         SUM(cost_usd) OVER w AS cum_cost_usd,
         SUM(return_usd) OVER w AS cum_return_usd,
         SUM(participants) OVER w AS cum_participants,
         SUM(jobs) OVER w AS cum_jobs,
         SUM(startups) OVER w AS cum_startups,
         SUM(papers) OVER w AS cum_papers,
         SUM(patents) OVER w AS cum_patents
  FROM yearly y
  WINDOW w AS (PARTITION BY series, program ORDER BY year ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
)
SELECT c.series,
       c.program,
       p.program_name,
       c.year,
       c.cost_usd,
       c.return_usd,
       CASE WHEN c.cost_usd IS NULL OR c.cost_usd = 0 OR c.return_usd IS NULL THEN NULL
            ELSE CAST(c.return_usd - c.cost_usd AS DOUBLE) / CAST(c.cost_usd AS DOUBLE) END AS roi,
       c.participants, c.jobs, c.startups, c.papers, c.patents,
       CASE WHEN c.cost_usd > 0 THEN c.participants / (CAST(c.cost_usd AS DOUBLE) / 1e6) END AS participants_per_usd_m,
       CASE WHEN c.cost_usd > 0 THEN c.jobs / (CAST(c.cost_usd AS DOUBLE) / 1e6) END AS jobs_per_usd_m,
       CASE WHEN c.cost_usd > 0 THEN c.startups / (CAST(c.cost_usd AS DOUBLE) / 1e6) END AS startups_per_usd_m,
       CASE WHEN c.cost_usd > 0 THEN c.papers / (CAST(c.cost_usd AS DOUBLE) / 1e6) END AS papers_per_usd_m,
       CASE WHEN c.cost_usd > 0 THEN c.patents / (CAST(c.cost_usd AS DOUBLE) / 1e6) END AS patents_per_usd_m,
       c.cum_cost_usd,
       c.cum_return_usd,
       CASE WHEN c.cum_cost_usd IS NULL OR c.cum_cost_usd = 0 OR c.cum_return_usd IS NULL THEN NULL
            ELSE CAST(c.cum_return_usd - c.cum_cost_usd AS DOUBLE) / CAST(c.cum_cost_usd AS DOUBLE) END AS cum_roi,
       c.cum_participants, c.cum_jobs, c.cum_startups, c.cum_papers, c.cum_patents
FROM cumulative c
LEFT JOIN ref.program p ON p.program_id = c.program
