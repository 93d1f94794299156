-- gold.program_roi_yearly: one row per programme and year.
-- Cost: training cost, joint-lab funding, fund disbursements. Return: start-up revenue of
-- training programmes and fund returns. ROI is null when cost is 0 or no return is reported.
WITH activity AS (
  SELECT program, year, cost_usd, revenue_usd AS return_usd, participants,
         jobs, startups, CAST(NULL AS INT) AS papers, CAST(NULL AS INT) AS patents
  FROM silver.training
  UNION ALL
  SELECT COALESCE(program, 'joint_labs'), year, funding_usd, CAST(NULL AS DECIMAL(22, 2)),
         trainees, CAST(NULL AS INT), CAST(NULL AS INT), papers, patents
  FROM silver.joint_lab
  UNION ALL
  SELECT fund_id, year, disbursed_usd, return_usd, CAST(NULL AS INT),
         jobs, CAST(NULL AS INT), CAST(NULL AS INT), CAST(NULL AS INT)
  FROM silver.fund
),
yearly AS (
  SELECT program, year,
         SUM(cost_usd) AS cost_usd, SUM(return_usd) AS return_usd,
         SUM(participants) AS participants, SUM(jobs) AS jobs, SUM(startups) AS startups,
         SUM(papers) AS papers, SUM(patents) AS patents
  FROM activity
  GROUP BY program, year
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
  WINDOW w AS (PARTITION BY program ORDER BY year ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
)
SELECT c.program,
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
