package dev.purista.mqtt.internal;

import dev.purista.core.message.Message;
import dev.purista.core.message.MessageAddress;
import dev.purista.core.message.MessageType;
import dev.purista.core.message.SubscriptionFilter;
import dev.purista.core.spi.SubscriptionSpec;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The names on the broker: PURISTA's 13-segment topics, the filters that commands, responses and subscriptions
 * listen on, the shared-subscription groups, the dead-letter topics and the session client ids.
 *
 * <pre>
 * prefix/messageType/principalId/tenantId/senderInstanceId/senderService/senderVersion/senderTarget/eventName/
 *        receiverInstanceId/receiverService/receiverVersion/receiverTarget
 * </pre>
 *
 * <p>Every segment is the snake-cased value ({@link TopicSegments}); a value the message does not have is
 * {@value #NONE}, and a filter part a subscription leaves open is {@code +}.
 */
public final class Topology {
  /**
   * The segment of a value the message does not have, as PURISTA's topics carry it: the original configures
   * {@code __none__} but snake-cases it with every other segment, which makes it {@code none}. Writing the wire form
   * means both sides name the same message by the same topic.
   */
  static final String NONE = "none";
  private static final String ANY = "+";

  private final String prefix;
  private final String shareGroup;
  private final String instanceSegment;
  private final TopicSegments segments = new TopicSegments();
  private final Map<MessageType, String> typeSegments = new EnumMap<>(MessageType.class);

  /**
   * @param prefix the first segment of every topic ({@code purista})
   * @param shareGroup the shared-subscription group of commands, and the stem of subscription groups
   * @param instanceId this bridge's instance id, to which responses are addressed
   */
  public Topology(String prefix, String shareGroup, String instanceId) {
    this.prefix = prefix;
    this.shareGroup = shareGroup;
    this.instanceSegment = segments.of(instanceId);
    for (MessageType type : MessageType.values()) {
      typeSegments.put(type, segments.of(type.wireName()));
    }
  }

  String prefix() {
    return prefix;
  }

  /** The topic {@code message} is published on. */
  public String topicOf(Message message) {
    return topicOf(message, message.receiver() == null ? null : message.receiver().instanceId());
  }

  /**
   * The topic a success event is published on when its response went to the caller's response topic: the same
   * topic without the caller's instance id, so that the copy reaches the event's subscribers and not the caller a
   * second time.
   */
  String eventTopicOf(Message response) {
    return topicOf(response, null);
  }

  private String topicOf(Message message, String receiverInstanceId) {
    MessageAddress sender = message.sender();
    MessageAddress receiver = message.receiver();
    StringBuilder topic = new StringBuilder(160).append(prefix);
    append(topic, typeSegments.get(message.messageType()));
    append(topic, valueOrNone(message.principalId()));
    append(topic, valueOrNone(message.tenantId()));
    append(topic, valueOrNone(sender == null ? null : sender.instanceId()));
    append(topic, valueOrNone(sender == null ? null : sender.serviceName()));
    append(topic, valueOrNone(sender == null ? null : sender.serviceVersion()));
    append(topic, valueOrNone(sender == null ? null : sender.serviceTarget()));
    append(topic, valueOrNone(message.eventName()));
    append(topic, valueOrNone(receiverInstanceId));
    append(topic, valueOrNone(receiver == null ? null : receiver.serviceName()));
    append(topic, valueOrNone(receiver == null ? null : receiver.serviceVersion()));
    append(topic, valueOrNone(receiver == null ? null : receiver.serviceTarget()));
    return topic.toString();
  }

  /**
   * The shared filter every instance of {@code command} subscribes to; the broker gives each call to one member
   * of the group, which is how instances compete for commands.
   */
  String commandFilter(MessageAddress command) {
    StringBuilder filter = new StringBuilder(120).append(prefix);
    append(filter, typeSegments.get(MessageType.COMMAND));
    for (int i = 0; i < 8; i++) {
      append(filter, ANY);
    }
    append(filter, segments.of(command.serviceName()));
    append(filter, segments.of(command.serviceVersion()));
    append(filter, segments.of(command.serviceTarget()));
    return shared(shareGroup, filter.toString());
  }

  /** Where this bridge asks responders to publish responses (MQTT 5 {@code responseTopic}). */
  public String responseTopic() {
    return prefix + "/response/" + instanceSegment;
  }

  /**
   * What this bridge listens on for responses: its response topic, and PURISTA's response topics addressed to
   * its instance id, which is where a responder that ignores {@code responseTopic} publishes. The filters name
   * the response types, so they never overlap a command or event filter of the same connection.
   */
  List<String> responseFilters() {
    return List.of(responseTopic(), responseFilter(MessageType.COMMAND_SUCCESS_RESPONSE),
        responseFilter(MessageType.COMMAND_ERROR_RESPONSE));
  }

  private String responseFilter(MessageType type) {
    StringBuilder filter = new StringBuilder(120).append(prefix);
    append(filter, typeSegments.get(type));
    for (int i = 0; i < 7; i++) {
      append(filter, ANY);
    }
    append(filter, instanceSegment);
    for (int i = 0; i < 3; i++) {
      append(filter, ANY);
    }
    return filter.toString();
  }

  /**
   * The filters of a subscription: each set filter field is a fixed segment, each open one {@code +}. A filter
   * without event name and message type matches events only, which one topic filter cannot say, so it becomes two
   * filters: custom messages and success responses (the kinds that carry event names). A shared subscription
   * gets a group of its own: with one group for all, two different subscriptions on the same filter would split
   * the events between them instead of each getting all.
   */
  List<String> subscriptionFilters(SubscriptionSpec spec) {
    SubscriptionFilter filter = spec.filter();
    List<String> types;
    if (filter.messageType() != null) {
      types = List.of(typeSegments.get(filter.messageType()));
    } else if (filter.eventName() == null) {
      types = List.of(typeSegments.get(MessageType.CUSTOM_MESSAGE),
          typeSegments.get(MessageType.COMMAND_SUCCESS_RESPONSE));
    } else {
      types = List.of(ANY);
    }
    String group = spec.shared() ? subscriptionGroup(spec.address()) : null;
    return types.stream().map(type -> {
      StringBuilder topic = new StringBuilder(160).append(prefix);
      append(topic, type);
      append(topic, valueOrAny(filter.principalId()));
      append(topic, valueOrAny(filter.tenantId()));
      append(topic, valueOrAny(filter.senderInstanceId()));
      append(topic, valueOrAny(filter.senderServiceName()));
      append(topic, valueOrAny(filter.senderServiceVersion()));
      append(topic, valueOrAny(filter.senderServiceTarget()));
      append(topic, valueOrAny(filter.eventName()));
      append(topic, valueOrAny(filter.receiverInstanceId()));
      append(topic, valueOrAny(filter.receiverServiceName()));
      append(topic, valueOrAny(filter.receiverServiceVersion()));
      append(topic, valueOrAny(filter.receiverServiceTarget()));
      return group == null ? topic.toString() : shared(group, topic.toString());
    }).toList();
  }

  private String subscriptionGroup(MessageAddress subscription) {
    return shareGroup + "_" + segments.of(subscription.serviceName()) + "_" + segments.of(
        subscription.serviceVersion()) + "_" + segments.of(subscription.serviceTarget());
  }

  /** Where a durable subscription puts a message it gave up on. */
  public String deadLetterTopic(MessageAddress subscription) {
    return prefix + "/dead_letter/" + segments.of(subscription.serviceName()) + "/"
        + segments.of(subscription.serviceVersion()) + "/" + segments.of(subscription.serviceTarget());
  }

  /**
   * The client id of a subscription's own connection: the bridge's client id plus the subscription's address,
   * stable for a stable client id, so that a restarted process resumes the same broker session.
   */
  static String subscriptionClientId(String clientId, MessageAddress subscription) {
    return clientId + "-" + clientIdPart(subscription.serviceName()) + "-v" + clientIdPart(
        subscription.serviceVersion()) + "-" + clientIdPart(subscription.serviceTarget());
  }

  /** Client ids are kept to characters every broker accepts. */
  private static String clientIdPart(String value) {
    StringBuilder out = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'
          || c == '.';
      out.append(plain ? c : '_');
    }
    return out.toString();
  }

  private static String shared(String group, String filter) {
    return "$share/" + group + "/" + filter;
  }

  private String valueOrNone(String value) {
    // An empty value (a service's own info messages have an empty target) is as absent as a missing one.
    return value == null || value.isEmpty() ? NONE : segments.of(value);
  }

  private String valueOrAny(String value) {
    return value == null ? ANY : segments.of(value);
  }

  private static void append(StringBuilder topic, String segment) {
    topic.append('/').append(segment);
  }
}
