package dev.purista.nats;

/**
 * The NATS names of one set of queues. A queue name may hold characters that NATS gives a meaning in subjects and
 * keys ({@code .}, {@code *}, {@code >}) or refuses; each queue name and job id becomes one token through {@link
 * KvKeys#encode}, the escaping of the stores ({@code orders.eu} is the token {@code orders=2Eeu}), so two queues
 * never share a subject, a consumer or a key.
 */
final class QueueNames {
  private final String name;

  QueueNames(String name) {
    this.name = name;
  }

  String jobStream() {
    return name;
  }

  String deadLetterStream() {
    return name + "_dead";
  }

  String jobsBucket() {
    return name + "_jobs";
  }

  String keysBucket() {
    return name + "_keys";
  }

  String jobSubject(String queue) {
    return name + "." + KvKeys.encode(queue);
  }

  String deadLetterSubject(String queue) {
    return name + "_dead." + KvKeys.encode(queue);
  }

  /** The one durable pull consumer of a queue, shared by every process that works it. */
  String consumer(String queue) {
    return "q_" + KvKeys.encode(queue);
  }

  String jobKey(String queue, String jobId) {
    return KvKeys.encode(queue) + "." + KvKeys.encode(jobId);
  }

  String idempotencyKey(String queue, String key) {
    return KvKeys.encode(queue) + "." + KvKeys.encode(key);
  }
}
