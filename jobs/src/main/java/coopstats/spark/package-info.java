/**
 * The Spark session and the warehouse: where each {@code <layer>.<table>} lives and its catalog
 * name.
 */
package coopstats.spark;
