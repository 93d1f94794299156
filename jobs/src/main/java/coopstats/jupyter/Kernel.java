package coopstats.jupyter;

import coopstats.Errors;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;

/**
 * The kernel's sockets and threads. Each socket belongs to one thread: the shell's requests run in
 * the caller's thread, one at a time; the control thread answers {@code kernel_info}, {@code
 * interrupt} and {@code shutdown} even while a cell runs; the heartbeat thread echoes; the iopub
 * thread publishes, in order, what the other two queue. The stdin socket is bound but never read: a
 * SQL cell asks for no input.
 */
public final class Kernel {
  private static final Logger LOG = LoggerFactory.getLogger(Kernel.class);
  private static final int POLL_MS = 100;

  private final Connection connection;
  private final Engine engine;
  private final Requests requests;
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final BlockingQueue<Message> iopub = new LinkedBlockingQueue<>();

  public Kernel(Connection connection, Engine engine) {
    this.connection = connection;
    this.engine = engine;
    this.requests = new Requests(engine, UUID.randomUUID().toString(), iopub::add, running);
  }

  /** Binds the sockets and answers requests until a shutdown request has been answered. */
  public void run() {
    try (ZContext context = new ZContext()) {
      context.setLinger(1000);
      ZMQ.Socket shell = bind(context, SocketType.ROUTER, connection.shell());
      ZMQ.Socket control = bind(context, SocketType.ROUTER, connection.control());
      bind(context, SocketType.ROUTER, connection.stdin());
      ZMQ.Socket heartbeat = bind(context, SocketType.REP, connection.heartbeat());
      ZMQ.Socket publisher = bind(context, SocketType.PUB, connection.iopub());
      Thread publishing = start("jupyter-iopub", () -> publish(publisher));
      List<Thread> threads =
          List.of(
              start("jupyter-heartbeat", () -> echo(heartbeat)),
              start("jupyter-control", () -> serve(control)));
      try {
        requests.starting();
        stopWithParent();
        serve(shell);
      } finally {
        running.set(false);
        for (Thread t : threads) {
          t.join();
        }
        iopub.add(Requests.STOP);
        publishing.join();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Stops the kernel when the process Jupyter names in {@code JPY_PARENT_PID}, the one that started
   * it, ends without shutting it down, as ipykernel does; a running cell is interrupted.
   */
  private void stopWithParent() {
    String pid = System.getenv("JPY_PARENT_PID");
    if (pid == null || !pid.matches("[0-9]+")) {
      return;
    }
    Runnable stop =
        () -> {
          LOG.warn("Jupyter (process {}) has ended; stopping", pid);
          running.set(false);
          engine.interrupt();
        };
    ProcessHandle.of(Long.parseLong(pid))
        .ifPresentOrElse(parent -> parent.onExit().thenRun(stop), stop);
  }

  private ZMQ.Socket bind(ZContext context, SocketType type, int port) {
    ZMQ.Socket socket = context.createSocket(type);
    socket.setReceiveTimeOut(POLL_MS);
    try {
      socket.bind(connection.url(port));
    } catch (ZMQException e) {
      throw Errors.kernelCannotListen(connection.url(port), e.getMessage());
    }
    return socket;
  }

  private static Thread start(String name, Runnable loop) {
    Thread t = new Thread(loop, name);
    t.setDaemon(true);
    t.start();
    return t;
  }

  /** Answers the requests of a shell or control socket until shutdown. */
  private void serve(ZMQ.Socket socket) {
    while (running.get()) {
      List<byte[]> frames = receive(socket);
      if (frames.isEmpty()) {
        continue;
      }
      handle(socket, frames, false);
      if (requests.failedToStop()) {
        for (frames = receive(socket, ZMQ.DONTWAIT); !frames.isEmpty(); ) {
          handle(socket, frames, true);
          frames = receive(socket, ZMQ.DONTWAIT);
        }
      }
    }
  }

  /** Handles one request; {@code abort} answers an execute request as aborted instead. */
  private void handle(ZMQ.Socket socket, List<byte[]> frames, boolean abort) {
    Message.parse(frames, connection.signer())
        .ifPresentOrElse(
            m -> requests.handle(m, reply -> send(socket, reply), abort),
            () ->
                LOG.warn(
                    "dropped a message with a wrong signature, or none, or not in the protocol's form"));
  }

  private void echo(ZMQ.Socket heartbeat) {
    while (running.get()) {
      byte[] ping = heartbeat.recv();
      if (ping != null) {
        heartbeat.send(ping);
      }
    }
  }

  private void publish(ZMQ.Socket publisher) {
    try {
      for (Message m = iopub.take(); m != Requests.STOP; m = iopub.take()) {
        send(publisher, m);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void send(ZMQ.Socket socket, Message m) {
    List<byte[]> frames = m.frames(connection.signer());
    for (int i = 0; i < frames.size(); i++) {
      socket.send(frames.get(i), i < frames.size() - 1 ? ZMQ.SNDMORE : 0);
    }
  }

  /** One multipart message, or none when nothing came within the poll interval. */
  private static List<byte[]> receive(ZMQ.Socket socket) {
    return receive(socket, 0);
  }

  /** One multipart message; none when nothing came in time, or at once with DONTWAIT. */
  private static List<byte[]> receive(ZMQ.Socket socket, int flags) {
    List<byte[]> frames = new ArrayList<>();
    byte[] frame = socket.recv(flags);
    while (frame != null) {
      frames.add(frame);
      frame = socket.hasReceiveMore() ? socket.recv() : null;
    }
    return frames;
  }
}
