/**
 * Silver to gold: the yearly statistics. Each gold table is one schema file and, beside it, one SQL
 * file of the same name in {@code schemas/tables/gold/}; {@link coopstats.gold.GoldJob} runs them
 * all, the sums tables (whose SQL reads one silver table) before the statistics.
 */
package coopstats.gold;
