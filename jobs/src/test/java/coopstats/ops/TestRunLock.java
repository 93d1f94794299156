package coopstats.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import coopstats.CoopstatsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestRunLock {
  @TempDir Path warehouse;
  final Configuration conf = new Configuration();

  String root() {
    return warehouse.toUri().toString();
  }

  @Test
  void aSecondRunIsRefusedWithExitCode75UntilTheFirstEnds() {
    try (RunLock first = RunLock.acquire(conf, root(), "run-1")) {
      assertThatThrownBy(() -> RunLock.acquire(conf, root(), "run-2"))
          .isInstanceOfSatisfying(
              CoopstatsException.class,
              e -> {
                assertThat(e.exitCode()).isEqualTo(75);
                assertThat(e.getMessage()).contains("another run holds the warehouse", "run-1");
              });
    }
    RunLock.acquire(conf, root(), "run-3").close();
    assertThat(warehouse.resolve("_lock")).doesNotExist();
  }

  @Test
  void aLockLeftByAProcessThatIsGoneIsTakenOver() throws Exception {
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    String host = java.net.InetAddress.getLocalHost().getHostName().replace(' ', '_');
    Files.writeString(warehouse.resolve("_lock"), host + " " + gone.pid() + " killed-run");
    try (RunLock lock = RunLock.acquire(conf, root(), "run-2")) {
      assertThat(Files.readString(warehouse.resolve("_lock"))).endsWith(" run-2");
    }
  }

  @Test
  void aLockFromAnotherHostExpiresWhenNoLongerTouched() throws Exception {
    Path lock = warehouse.resolve("_lock");
    Files.writeString(lock, "other-host 1 remote-run");
    assertThatThrownBy(() -> RunLock.acquire(conf, root(), "run-2"))
        .isInstanceOf(CoopstatsException.class);
    Files.setLastModifiedTime(
        lock, FileTime.fromMillis(System.currentTimeMillis() - RunLock.STALE_MILLIS - 1000));
    RunLock.acquire(conf, root(), "run-3").close();
  }
}
