package coopstats.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import coopstats.CoopstatsException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TestParallel {
  @Test
  void resultsComeInTheItemsOrderWhateverOrderTheWorkEnds() {
    // The first item waits until the last has ended: the work cannot have run one by one.
    CountDownLatch lastEnded = new CountDownLatch(1);
    var results =
        Parallel.map(
            List.of("a", "b"),
            item -> {
              if (item.equals("a")) {
                await(lastEnded);
              } else {
                lastEnded.countDown();
              }
              return item.toUpperCase();
            });
    assertThat(results).containsExactly(entry("a", "A"), entry("b", "B"));
  }

  @Test
  void workAlongsideRunsAtTheSameTimeAndItsFailureComesFirst() {
    // Each side waits for the other to have started: they cannot have run one after the other.
    CountDownLatch firstStarted = new CountDownLatch(1);
    CountDownLatch thenStarted = new CountDownLatch(1);
    String result =
        Parallel.alongside(
            () -> {
              firstStarted.countDown();
              await(thenStarted);
            },
            () -> {
              thenStarted.countDown();
              await(firstStarted);
              return "done";
            });
    assertThat(result).isEqualTo("done");

    Set<String> ended = ConcurrentHashMap.newKeySet();
    assertThatThrownBy(
            () ->
                Parallel.alongside(
                    () -> {
                      ended.add("first");
                      throw new CoopstatsException(78, "bad reference file");
                    },
                    () -> {
                      ended.add("then");
                      throw new IllegalStateException("bad source");
                    }))
        .isInstanceOf(CoopstatsException.class)
        .hasMessage("bad reference file");
    assertThat(ended).containsExactlyInAnyOrder("first", "then");
    assertThatThrownBy(
            () ->
                Parallel.alongside(
                    () -> {},
                    () -> {
                      throw new IllegalStateException("bad source");
                    }))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("bad source");
  }

  @Test
  void everyItemRunsToItsEndAndTheFirstFailureInItemOrderIsThrownAsItWas() {
    Set<String> ended = ConcurrentHashMap.newKeySet();
    CountDownLatch secondFailed = new CountDownLatch(1);
    assertThatThrownBy(
            () ->
                Parallel.forEach(
                    List.of("one", "two", "three"),
                    item -> {
                      if (item.equals("one")) {
                        // Fails after "two" has: the order of items decides, not of time.
                        await(secondFailed);
                        ended.add(item);
                        throw new CoopstatsException(65, "bad file in " + item);
                      }
                      if (item.equals("two")) {
                        ended.add(item);
                        secondFailed.countDown();
                        throw new IllegalStateException("broken " + item);
                      }
                      ended.add(item);
                    }))
        .isInstanceOfSatisfying(
            CoopstatsException.class,
            e -> {
              assertThat(e.getMessage()).isEqualTo("bad file in one");
              assertThat(e.exitCode()).isEqualTo(65);
            });
    assertThat(ended).containsExactlyInAnyOrder("one", "two", "three");
  }

  @Test
  void inOrderRunsOnTheCallingThreadOneAfterTheOther() {
    Thread caller = Thread.currentThread();
    StringBuilder seen = new StringBuilder();
    var results =
        Parallel.inOrder(
            List.of(1, 2, 3),
            i -> {
              assertThat(Thread.currentThread()).isSameAs(caller);
              seen.append(i);
              return i * 10;
            });
    assertThat(seen).hasToString("123");
    assertThat(results).containsExactly(entry(1, 10), entry(2, 20), entry(3, 30));
  }

  private static <K, V> java.util.Map.Entry<K, V> entry(K k, V v) {
    return java.util.Map.entry(k, v);
  }

  private static void await(CountDownLatch latch) {
    try {
      assertThat(latch.await(30, TimeUnit.SECONDS)).as("the other item ended").isTrue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
