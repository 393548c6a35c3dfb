package dev.purista.core;

import dev.purista.core.store.ConfigStore;
import dev.purista.core.store.SecretStore;
import dev.purista.core.store.StateStore;
import java.time.Duration;
import org.slf4j.Logger;

/**
 * What a queue worker's handler may use besides its job: the job's identity and attempt, the service's stores and
 * resources, calls and events (carrying the trace id the job was enqueued with), more jobs, and the job's
 * outcome. The logger's MDC carries {@code service}, {@code worker}, {@code jobId} and {@code traceId}.
 */
public interface QueueJobContext extends CommandInvoker, EventEmitter {
  Logger logger();

  String queueName();

  String jobId();

  /** 1 on the first run; includes runs whose lease ran out. */
  int attempt();

  /** The trace id the job was enqueued with. */
  String traceId();

  StateStore states();

  ConfigStore configs();

  SecretStore secrets();

  Resources resources();

  /** Enqueues more jobs, on the queues this service declares. */
  Queues queues();

  /** Keeps the job leased for {@code duration} from now; a heartbeat does this on its own while the handler runs. */
  void extendLease(Duration duration);

  /** When the handler returns, the job is retried after {@code delay} instead of completed. */
  void retryAfter(Duration delay, String reason);

  /** When the handler returns, the job is dead-lettered with {@code reason} instead of completed. */
  void moveToDeadLetter(String reason);
}
