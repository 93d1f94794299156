"""coopstats on a Spark cluster: `run` every night for the night before, `maintain` every week.

Copy this file into the DAGs folder and set the paths below. It works under Airflow 2 (2.7 and
later) and Airflow 3, and needs no provider package: each task runs spark-submit itself on the
worker, so that it can read coopstats' exit code (SparkSubmitOperator raises the same
AirflowException for every non-zero exit, so it cannot tell a busy warehouse from bad data).
The worker needs spark-submit, and a checkout of coopstats where `mvn -B -DskipTests package`
has built the application jar and jobs/target/submit-jars/.

Both DAGs take a slot of the pool `coopstats`, which must exist with one slot:

    airflow pools set coopstats 1 "coopstats: one job at a time on the warehouse"

so that a weekly `maintain` waits for the nightly `run` instead of meeting its lock (both take
the warehouse lock; the one that loses exits 75, which is retried below anyway).
"""
import glob
import logging
import subprocess
from datetime import datetime, timedelta, timezone

try:  # Airflow 3: DAG and task come from the Task SDK.
    from airflow.sdk import DAG, task
except ImportError:  # Airflow 2.7 and later.
    from airflow import DAG
    from airflow.decorators import task
from airflow.exceptions import AirflowException, AirflowFailException

# A checkout of coopstats on every worker, built with `mvn -B -DskipTests package`.
COOPSTATS_HOME = "/opt/coopstats"
# Any Hadoop filesystem URI: hdfs://, s3a://, abfss://, gs:// or file:// on shared storage.
LANDING = "hdfs:///coopstats/landing"
WAREHOUSE = "hdfs:///coopstats/warehouse"
# The cluster: spark://host:7077, yarn, or k8s://https://host:443.
SPARK_MASTER = "spark://master:7077"
SPARK_SUBMIT = "spark-submit"
POOL = "coopstats"

# coopstats' --date is the logical date of the run: files in dt=YYYY-MM-DD folders wait until it
# reaches theirs. The run at 02:00 UTC on the 8th is for the night of the 7th, as in the crontab.
# Airflow's own dates differ between versions for a cron schedule. For the run triggered at
# 2026-03-08T02:00Z:
#   Airflow 2 (CronDataIntervalTimetable): ds = 2026-03-07, data_interval_start = 2026-03-07T02:00Z,
#     data_interval_end = 2026-03-08T02:00Z;
#   Airflow 3 (CronTriggerTimetable, since create_cron_data_intervals is False by default):
#     ds = 2026-03-08, data_interval_start = data_interval_end = 2026-03-08T02:00Z.
# The day before data_interval_end is 2026-03-07 under both (and under either timetable), where
# {{ ds }} would pass the 7th under Airflow 2 and the 8th under Airflow 3.
RUN_DATE = "{{ macros.ds_add(data_interval_end | ds, -1) }}"

RUN_ARGS = [
    "run",
    "--date",
    RUN_DATE,
    "--schemas",
    f"{COOPSTATS_HOME}/schemas",
    "--landing",
    LANDING,
    "--warehouse",
    WAREHOUSE,
]
MAINTAIN_ARGS = ["maintain", "--schemas", f"{COOPSTATS_HOME}/schemas", "--warehouse", WAREHOUSE]

# coopstats' exit codes (sysexits.h). A retry cannot fix these: 64 usage, 65 bad data, 66 missing
# input, 70 a failed check or an internal error (a Spark job that fails after Spark's own task
# retries ends here too), 78 bad configuration. They fail the task at once, without retries.
NO_RETRY = {
    64: "usage",
    65: "bad data",
    66: "missing input",
    70: "a failed check or an internal error",
    78: "configuration",
}
# 75: another run or maintain holds the warehouse lock; a retry waits for it. Any other non-zero
# code comes from spark-submit, the JVM or the machine (the master unreachable before coopstats
# starts, the driver killed, a missing spark-submit) and is retried too.
BUSY = 75

log = logging.getLogger(__name__)


def spark_submit(args):
    """Runs coopstats with spark-submit on this worker and maps its exit code for Airflow."""
    # Resolved here, on the worker at run time: the scheduler that parses this file may have no
    # checkout at all.
    jars = sorted(glob.glob(f"{COOPSTATS_HOME}/jobs/target/submit-jars/*.jar"))
    if not jars:
        raise AirflowFailException(
            f"no jars in {COOPSTATS_HOME}/jobs/target/submit-jars on this worker: "
            "run `mvn -B -DskipTests package` in the checkout"
        )
    command = [
        SPARK_SUBMIT,
        "--master",
        SPARK_MASTER,
        # client mode (the default): the driver is spark-submit's own JVM, so its exit code is
        # coopstats' exit code, and --schemas is read on this worker.
        "--deploy-mode",
        "client",
        "--name",
        f"coopstats-{args[0]}",
        "--class",
        "coopstats.cli.Main",
        "--jars",
        ",".join(jars),
        f"{COOPSTATS_HOME}/jobs/target/coopstats-jobs.jar",
        *args,
    ]
    log.info("running %s", " ".join(command))
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        for line in process.stdout:
            log.info("%s", line.rstrip("\n"))
        code = process.wait()
    except BaseException:
        # A timeout or a stopped task: stop coopstats too. The next run repairs what it left.
        process.kill()
        process.wait()
        raise
    if code == 0:
        return
    if code in NO_RETRY:
        # Fails the task without retries.
        raise AirflowFailException(f"coopstats exited {code} ({NO_RETRY[code]}): see the log above")
    if code == BUSY:
        raise AirflowException("coopstats exited 75: another run holds the warehouse; retrying")
    raise AirflowException(f"spark-submit exited {code}: Spark or the cluster failed; retrying")


with DAG(
    dag_id="coopstats_nightly",
    schedule="0 2 * * *",
    start_date=datetime(2026, 1, 1, tzinfo=timezone.utc),
    # A missed night runs later with its own date; files in dt= folders wait for their date.
    catchup=True,
    max_active_runs=1,
    default_args={"retries": 3, "retry_delay": timedelta(minutes=10)},
    tags=["coopstats"],
):

    # Set it above your longest run: a run that is stopped leaves nothing half-published.
    @task(task_id="coopstats_run", pool=POOL, execution_timeout=timedelta(hours=6))
    def coopstats_run(args):
        spark_submit(args)

    coopstats_run(RUN_ARGS)

with DAG(
    dag_id="coopstats_maintain",
    # Sundays at 06:00 UTC, after the night's run; the pool keeps a late run and maintain apart.
    schedule="0 6 * * 0",
    start_date=datetime(2026, 1, 1, tzinfo=timezone.utc),
    catchup=False,
    max_active_runs=1,
    default_args={"retries": 3, "retry_delay": timedelta(minutes=30)},
    tags=["coopstats"],
):

    @task(task_id="coopstats_maintain", pool=POOL, execution_timeout=timedelta(hours=6))
    def coopstats_maintain(args):
        spark_submit(args)

    coopstats_maintain(MAINTAIN_ARGS)
