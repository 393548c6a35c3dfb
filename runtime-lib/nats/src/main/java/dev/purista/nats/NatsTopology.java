package dev.purista.nats;

import dev.purista.core.message.Message;
import dev.purista.core.message.MessageAddress;
import dev.purista.core.message.MessageType;
import dev.purista.core.message.SubscriptionFilter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.zip.CRC32;

/**
 * Every name the bridge uses on the broker, in one place, following PURISTA's NATS bridge.
 *
 * <p>A message travels on a subject of thirteen tokens:
 * <pre>
 * prefix.messageType.principalId.tenantId.senderInstanceId.senderService.senderVersion.senderTarget.
 *     eventName.receiverInstanceId.receiverService.receiverVersion.receiverTarget
 * </pre>
 * Values are snake_cased ({@link SubjectTokens}); an empty value is the empty part ({@code empty}); a
 * subscription puts {@code *} where its filter has no value. Commands are served on
 * {@code prefix.command.*.*.*.*.*.*.*.*.<service>.<version>.<command>} in the queue group
 * {@code <PREFIX>_QUEUE_<SERVICE>_<VERSION>_<TARGET>}, so the instances of a service compete for calls.
 *
 * <p>Durable subscriptions read from a JetStream stream that captures the two kinds of events,
 * {@code prefix.custom_message.>} and {@code prefix.command_success_response.>}, and never commands: a stream
 * on a command subject would answer every request with its own publish acknowledgement. Failed events go to
 * {@code prefix.dead_letter.<service>.<version>.<subscription>} in a second stream.
 */
final class NatsTopology {
  /** The message types a durable subscription can receive: the ones the event stream captures. */
  static final List<MessageType> STREAMED_TYPES =
      List.of(MessageType.CUSTOM_MESSAGE, MessageType.COMMAND_SUCCESS_RESPONSE);

  private static final String ANY = "*";
  private static final int MAX_NAME_LENGTH = 200;

  private final String prefix;
  private final String empty;
  private final SubjectTokens tokens = new SubjectTokens();

  NatsTopology(String prefix, String empty) {
    this.prefix = prefix;
    this.empty = empty;
  }

  /** The subject {@code message} is published on. */
  String subjectOf(Message message) {
    MessageAddress sender = message.sender();
    MessageAddress receiver = message.receiver();
    StringBuilder subject = new StringBuilder(160).append(prefix);
    append(subject, message.messageType().wireName());
    append(subject, message.principalId());
    append(subject, message.tenantId());
    append(subject, sender == null ? null : sender.instanceId());
    append(subject, sender == null ? null : sender.serviceName());
    append(subject, sender == null ? null : sender.serviceVersion());
    append(subject, sender == null ? null : sender.serviceTarget());
    append(subject, message.eventName());
    append(subject, receiver == null ? null : receiver.instanceId());
    append(subject, receiver == null ? null : receiver.serviceName());
    append(subject, receiver == null ? null : receiver.serviceVersion());
    append(subject, receiver == null ? null : receiver.serviceTarget());
    return subject.toString();
  }

  /** The subject the instances of command {@code address} subscribe to. */
  String commandSubject(MessageAddress address) {
    StringBuilder subject = new StringBuilder(96).append(prefix);
    append(subject, MessageType.COMMAND.wireName());
    for (int i = 0; i < 8; i++) {
      subject.append('.').append(ANY);
    }
    append(subject, address.serviceName());
    append(subject, address.serviceVersion());
    append(subject, address.serviceTarget());
    return subject.toString();
  }

  /**
   * The subject that selects what {@code filter} matches; {@code type} replaces the filter's message type, or is
   * {@code null} to keep it (a wildcard when the filter has none).
   */
  String subscriptionSubject(SubscriptionFilter filter, MessageType type) {
    MessageType messageType = type != null ? type : filter.messageType();
    StringBuilder subject = new StringBuilder(128).append(prefix);
    pattern(subject, messageType == null ? null : messageType.wireName());
    pattern(subject, filter.principalId());
    pattern(subject, filter.tenantId());
    pattern(subject, filter.senderInstanceId());
    pattern(subject, filter.senderServiceName());
    pattern(subject, filter.senderServiceVersion());
    pattern(subject, filter.senderServiceTarget());
    pattern(subject, filter.eventName());
    pattern(subject, filter.receiverInstanceId());
    pattern(subject, filter.receiverServiceName());
    pattern(subject, filter.receiverServiceVersion());
    pattern(subject, filter.receiverServiceTarget());
    return subject.toString();
  }

  /** PURISTA's queue group of a command or shared subscription; upper case like the original. */
  String queueGroup(MessageAddress address) {
    return (prefix + "_queue_" + address.serviceName() + "_" + address.serviceVersion() + "_"
        + address.serviceTarget()).toUpperCase(Locale.ROOT);
  }

  /** The event subjects the stream captures. */
  List<String> streamSubjects() {
    return STREAMED_TYPES.stream().map(type -> prefix + "." + tokens.token(type.wireName()) + ".>").toList();
  }

  String deadLetterSubject(MessageAddress subscriber) {
    return prefix + ".dead_letter." + tokens.token(subscriber.serviceName()) + "."
        + tokens.token(subscriber.serviceVersion()) + "." + tokens.token(subscriber.serviceTarget());
  }

  String deadLetterStreamSubject() {
    return prefix + ".dead_letter.>";
  }

  /**
   * The durable consumer of one subscription and one streamed message type. Per-instance subscriptions add the
   * instance id, as each instance needs its own copy of every event.
   */
  String consumerName(MessageAddress subscriber, MessageType type, String instanceId) {
    String raw = prefix + "_" + subscriber.serviceName() + "_" + subscriber.serviceVersion() + "_"
        + subscriber.serviceTarget() + "_" + tokens.token(type.wireName())
        + (instanceId == null ? "" : "_" + instanceId);
    return brokerName(raw);
  }

  /** Where the broker pushes a consumer's messages; fixed, so that a recreated consumer reaches old subscribers. */
  String deliverSubject(String consumerName) {
    return prefix + ".deliver." + consumerName;
  }

  /**
   * A consumer name the broker accepts: letters, digits, {@code _} and {@code -}. When that changes the name, or
   * it is too long, a checksum of the original keeps two different subscriptions apart.
   */
  static String brokerName(String raw) {
    String safe = raw.replaceAll("[^A-Za-z0-9_-]", "_");
    if (safe.equals(raw) && safe.length() <= MAX_NAME_LENGTH) {
      return safe;
    }
    CRC32 crc = new CRC32();
    crc.update(raw.getBytes(StandardCharsets.UTF_8));
    String suffix = "_" + Long.toHexString(crc.getValue());
    return safe.substring(0, Math.min(safe.length(), MAX_NAME_LENGTH - suffix.length())) + suffix;
  }

  private void append(StringBuilder subject, String value) {
    subject.append('.').append(value == null || value.isEmpty() ? empty : tokens.token(value));
  }

  private void pattern(StringBuilder subject, String value) {
    subject.append('.').append(value == null ? ANY : value.isEmpty() ? empty : tokens.token(value));
  }
}
