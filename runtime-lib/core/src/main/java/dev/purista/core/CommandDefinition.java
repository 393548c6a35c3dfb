package dev.purista.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An immutable command: its name, input and output types, pipeline steps and handler. A service instance runs
 * it in PURISTA's order:
 * <ol>
 *   <li>transform input</li>
 *   <li>bind and validate payload and parameter (a violation answers 400, naming the field)</li>
 *   <li>before-guards, in the order added</li>
 *   <li>the handler</li>
 *   <li>validate the result (a violation is a bug of ours: 500)</li>
 *   <li>after-guards</li>
 *   <li>transform output</li>
 *   <li>the success response, which is also the success event when one is named</li>
 * </ol>
 *
 * <pre>{@code
 * CommandDefinition<SignUpPayload, SignUpParameter, SignUpResult> SIGN_UP =
 *     CommandDefinition.builder("signUp", SignUpPayload.class, SignUpParameter.class, SignUpResult.class)
 *         .description("registers a user")
 *         .http(HttpMethod.POST, "users")
 *         .successEvent("user.signedUp")
 *         .handler(new SignUpCommand())
 *         .build();
 * }</pre>
 */
public final class CommandDefinition<P, Q, R> {
  private final String name;
  private final String description;
  private final Class<P> payloadType;
  private final Class<Q> parameterType;
  private final Class<R> resultType;
  private final CommandHandler<P, Q, R> handler;
  private final String successEventName;
  private final HttpExposure http;
  private final InputTransformer inputTransformer;
  private final OutputTransformer<Q, R> outputTransformer;
  private final List<BeforeGuard<P, Q>> beforeGuards;
  private final List<AfterGuard<P, Q, R>> afterGuards;
  private final boolean deprecated;

  private CommandDefinition(Builder<P, Q, R> builder) {
    this.name = builder.name;
    this.description = builder.description;
    this.payloadType = builder.payloadType;
    this.parameterType = builder.parameterType;
    this.resultType = builder.resultType;
    this.handler = Checks.checkNotNull(builder.handler, "handler of command " + builder.name);
    this.successEventName = builder.successEventName;
    this.http = builder.http;
    this.inputTransformer = builder.inputTransformer;
    this.outputTransformer = builder.outputTransformer;
    this.beforeGuards = List.copyOf(builder.beforeGuards);
    this.afterGuards = List.copyOf(builder.afterGuards);
    this.deprecated = builder.deprecated;
  }

  public static <P, Q, R> Builder<P, Q, R> builder(String name, Class<P> payloadType, Class<Q> parameterType,
      Class<R> resultType) {
    return new Builder<>(name, payloadType, parameterType, resultType);
  }

  public Builder<P, Q, R> toBuilder() {
    Builder<P, Q, R> builder = new Builder<>(name, payloadType, parameterType, resultType);
    builder.description = description;
    builder.handler = handler;
    builder.successEventName = successEventName;
    builder.http = http;
    builder.inputTransformer = inputTransformer;
    builder.outputTransformer = outputTransformer;
    builder.beforeGuards.addAll(beforeGuards);
    builder.afterGuards.addAll(afterGuards);
    builder.deprecated = deprecated;
    return builder;
  }

  public String name() {
    return name;
  }

  public String description() {
    return description;
  }

  public Class<P> payloadType() {
    return payloadType;
  }

  public Class<Q> parameterType() {
    return parameterType;
  }

  public Class<R> resultType() {
    return resultType;
  }

  public CommandHandler<P, Q, R> handler() {
    return handler;
  }

  public Optional<String> successEventName() {
    return Optional.ofNullable(successEventName);
  }

  public Optional<HttpExposure> http() {
    return Optional.ofNullable(http);
  }

  public Optional<InputTransformer> inputTransformer() {
    return Optional.ofNullable(inputTransformer);
  }

  public Optional<OutputTransformer<Q, R>> outputTransformer() {
    return Optional.ofNullable(outputTransformer);
  }

  public List<BeforeGuard<P, Q>> beforeGuards() {
    return beforeGuards;
  }

  public List<AfterGuard<P, Q, R>> afterGuards() {
    return afterGuards;
  }

  public boolean deprecated() {
    return deprecated;
  }

  @Override
  public String toString() {
    return "CommandDefinition[" + name + "]";
  }

  /** Builder of {@link CommandDefinition}. */
  public static final class Builder<P, Q, R> {
    private final String name;
    private final Class<P> payloadType;
    private final Class<Q> parameterType;
    private final Class<R> resultType;
    private String description = "";
    private CommandHandler<P, Q, R> handler;
    private String successEventName;
    private HttpExposure http;
    private InputTransformer inputTransformer;
    private OutputTransformer<Q, R> outputTransformer;
    private final List<BeforeGuard<P, Q>> beforeGuards = new ArrayList<>();
    private final List<AfterGuard<P, Q, R>> afterGuards = new ArrayList<>();
    private boolean deprecated;

    private Builder(String name, Class<P> payloadType, Class<Q> parameterType, Class<R> resultType) {
      this.name = Checks.checkName(name, "command name");
      this.payloadType = Checks.checkNotNull(payloadType, "payloadType");
      this.parameterType = Checks.checkNotNull(parameterType, "parameterType");
      this.resultType = Checks.checkNotNull(resultType, "resultType");
    }

    public Builder<P, Q, R> description(String value) {
      this.description = Checks.checkNotNull(value, "description");
      return this;
    }

    public Builder<P, Q, R> handler(CommandHandler<P, Q, R> value) {
      this.handler = Checks.checkNotNull(value, "handler");
      return this;
    }

    /** Marks the success response as the event {@code eventName}, which subscriptions can react to. */
    public Builder<P, Q, R> successEvent(String eventName) {
      this.successEventName = Checks.checkName(eventName, "event name");
      return this;
    }

    /** Exposes the command at {@code method /api/v<version>/<path>}, to authenticated callers only. */
    public Builder<P, Q, R> http(HttpMethod method, String path) {
      this.http = new HttpExposure(method, path);
      return this;
    }

    /** Exposes the command at {@code method /api/v<version>/<path>} to the callers {@code access} admits. */
    public Builder<P, Q, R> http(HttpMethod method, String path, HttpAccess access) {
      this.http = new HttpExposure(method, path, access);
      return this;
    }

    public Builder<P, Q, R> transformInput(InputTransformer value) {
      this.inputTransformer = Checks.checkNotNull(value, "inputTransformer");
      return this;
    }

    public Builder<P, Q, R> transformOutput(OutputTransformer<Q, R> value) {
      this.outputTransformer = Checks.checkNotNull(value, "outputTransformer");
      return this;
    }

    public Builder<P, Q, R> beforeGuard(BeforeGuard<P, Q> guard) {
      beforeGuards.add(Checks.checkNotNull(guard, "guard"));
      return this;
    }

    public Builder<P, Q, R> afterGuard(AfterGuard<P, Q, R> guard) {
      afterGuards.add(Checks.checkNotNull(guard, "guard"));
      return this;
    }

    public Builder<P, Q, R> deprecated(boolean value) {
      this.deprecated = value;
      return this;
    }

    public CommandDefinition<P, Q, R> build() {
      return new CommandDefinition<>(this);
    }
  }
}
