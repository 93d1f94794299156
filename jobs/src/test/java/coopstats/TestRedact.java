package coopstats;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TestRedact {
  @Test
  void theUserPartOfAUriIsHidden() {
    assertThat(Redact.userInfo("cannot open ftp://coop:S3cret@files.example.org:21/landing: no"))
        .isEqualTo("cannot open ftp://***@files.example.org:21/landing: no");
    assertThat(Redact.userInfo("a sftp://me@host/x and s3a://key:sec%2Fret@bucket/y"))
        .isEqualTo("a sftp://***@host/x and s3a://***@bucket/y");
  }

  @Test
  void pathsAndAddressesWithoutCredentialsAreLeftAlone() {
    String text = "hdfs://nn:8020/w, file:/tmp/a@b/c, mail dev@coopstats.org, s3a://bucket/k@v";
    assertThat(Redact.userInfo(text)).isEqualTo(text);
    assertThat(Redact.userInfo(null)).isNull();
  }
}
