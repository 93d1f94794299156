"""coopstats every night on a Spark cluster, for the logical date Airflow schedules.

Copy this file into the DAGs folder and set the three paths below. The Spark connection
(`spark_default`) names the cluster: spark://host:7077, yarn, or k8s://https://host:443.
Needs the apache-airflow-providers-apache-spark package and spark-submit on the worker.
"""
import glob
from datetime import datetime, timedelta

from airflow import DAG
from airflow.providers.apache.spark.operators.spark_submit import SparkSubmitOperator

# A checkout of coopstats where `mvn -B -DskipTests package` has built the application jar
# and jobs/target/submit-jars/ (Delta, picocli and POI, which a Spark distribution lacks).
COOPSTATS_HOME = "/opt/coopstats"
# Any Hadoop filesystem URI: hdfs://, s3a://, abfss://, gs:// or file:// on shared storage.
LANDING = "hdfs:///coopstats/landing"
WAREHOUSE = "hdfs:///coopstats/warehouse"

with DAG(
    dag_id="coopstats_nightly",
    schedule="0 2 * * *",
    start_date=datetime(2026, 1, 1),
    # A missed night runs later with its own {{ ds }}; files in dt= folders wait for their date.
    catchup=True,
    # coopstats refuses a second run on the same warehouse anyway (exit 75, retried below).
    max_active_runs=1,
    default_args={"retries": 2, "retry_delay": timedelta(minutes=10)},
    tags=["coopstats"],
) as dag:
    SparkSubmitOperator(
        task_id="coopstats_run",
        conn_id="spark_default",
        application=f"{COOPSTATS_HOME}/jobs/target/coopstats-jobs.jar",
        java_class="coopstats.cli.Main",
        jars=",".join(sorted(glob.glob(f"{COOPSTATS_HOME}/jobs/target/submit-jars/*.jar"))),
        name="coopstats-{{ ds }}",
        application_args=[
            "run",
            "--date",
            "{{ ds }}",
            "--schemas",
            f"{COOPSTATS_HOME}/schemas",
            "--landing",
            LANDING,
            "--warehouse",
            WAREHOUSE,
        ],
    )
