package coopstats.cli;

import static org.assertj.core.api.Assertions.assertThat;

import coopstats.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A password in a landing URI never reaches the output or the log. */
class TestSecrets {
  @TempDir Path dir;

  @Test
  void aPasswordInALandingUriIsNeverPrintedOrLogged() throws Exception {
    Path warehouse = dir.resolve("warehouse");
    Cli r =
        Cli.run(
            "run",
            "--landing",
            "ftp://coop:S3cretPw@127.0.0.1:1/landing",
            "--warehouse",
            warehouse.toString());
    assertThat(r.exitCode()).as(r.err()).isEqualTo(66);
    assertThat(r.err())
        .contains("cannot open ftp://***@127.0.0.1:1/landing: ")
        .doesNotContain("S3cretPw");
    assertThat(r.out()).doesNotContain("S3cretPw");
    assertThat(Files.readString(Path.of("target/test.log"))).doesNotContain("S3cretPw");
  }
}
