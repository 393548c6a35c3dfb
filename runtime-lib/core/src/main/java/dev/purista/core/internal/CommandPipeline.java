package dev.purista.core.internal;

import dev.purista.core.AfterGuard;
import dev.purista.core.BeforeGuard;
import dev.purista.core.CommandDefinition;
import dev.purista.core.HandledError;
import dev.purista.core.PuristaError;
import dev.purista.core.StatusCode;
import dev.purista.core.UnhandledError;
import dev.purista.core.message.CommandPayload;
import dev.purista.core.message.Message;
import dev.purista.core.message.MessageAddress;
import dev.purista.core.message.Messages;
import dev.purista.core.spi.CommandEndpoint;
import dev.purista.core.telemetry.SpanNames;
import io.opentelemetry.api.trace.SpanKind;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs one command definition's pipeline for each arriving command message, on the service's executor. */
final class CommandPipeline<P, Q, R> implements CommandEndpoint {
  private final CommandDefinition<P, Q, R> definition;
  private final ServiceResources resources;
  private final MessageAddress self;
  private final String serviceName;
  private final Logger logger;
  private final FunctionMetrics metrics;

  CommandPipeline(CommandDefinition<P, Q, R> definition, ServiceResources resources, MessageAddress self) {
    this.definition = definition;
    this.resources = resources;
    this.self = self;
    this.serviceName = self.serviceName();
    this.logger = LoggerFactory.getLogger("purista." + self.serviceName() + ".v" + self.serviceVersion() + "."
        + definition.name());
    this.metrics = resources.telemetry().commands(self.serviceName(), self.serviceVersion(), definition.name());
  }

  @Override
  public CompletableFuture<Message> handle(Message command) {
    CompletableFuture<Message> response = new CompletableFuture<>();
    try {
      resources.executor().execute(() -> response.complete(run(command)));
    } catch (RejectedExecutionException e) {
      response.complete(Messages.errorResponse(command, new HandledError(StatusCode.SERVICE_UNAVAILABLE,
          "Service " + serviceName + " is overloaded or stopping; try again"), responder()));
    }
    return response;
  }

  /** Answers 503 without running anything: the service is stopping and the command came from outside. */
  CompletableFuture<Message> refuseStopping(Message command) {
    return CompletableFuture.completedFuture(Messages.errorResponse(command, new HandledError(
        StatusCode.SERVICE_UNAVAILABLE, "Service " + serviceName + " is shutting down; try another instance"),
        responder()));
  }

  /** The whole pipeline, in PURISTA's order; every failure becomes an error response, never an exception. */
  Message run(Message command) {
    long start = metrics.start();
    HandlerSpan span = HandlerSpan.start(resources.telemetry(), SpanNames.COMMAND_RECEIVED, SpanKind.SERVER, command,
        self);
    HandlerMdc mdc = HandlerMdc.open(serviceName, "command", definition.name(), command, span.span());
    try {
      RuntimeContext context = new RuntimeContext(command, logger, resources, self);
      try {
        CommandPayload input = command.commandPayload();
        if (definition.inputTransformer().isPresent()) {
          input = definition.inputTransformer().get().transform(context, input.payload(), input.parameter());
        }
        P payload = resources.binder().bindInput(input.payload(), definition.payloadType(), "payload");
        Q parameter = resources.binder().bindInput(input.parameter(), definition.parameterType(), "parameter");
        resources.validation().checkInput(payload, "payload");
        resources.validation().checkInput(parameter, "parameter");
        for (BeforeGuard<P, Q> guard : definition.beforeGuards()) {
          guard.check(context, payload, parameter);
        }
        R result = definition.handler().handle(context, payload, parameter);
        resources.validation().checkOutput(result);
        for (AfterGuard<P, Q, R> guard : definition.afterGuards()) {
          guard.check(context, result, payload, parameter);
        }
        Object output = definition.outputTransformer().isPresent()
            ? definition.outputTransformer().get().transform(context, result, parameter) : result;
        Message response = Messages.successResponse(command, output,
            definition.successEventName().orElse(null), responder(), span.otp(command));
        metrics.record(start, null);
        return response;
      } catch (HandledError e) {
        logger.debug("command answered {} {}", e.status().code(), e.getMessage());
        return failed(command, e, span, start);
      } catch (PuristaError e) {
        logger.error("command failed: {}", e.getMessage(), e);
        return failed(command, e, span, start);
      } catch (Exception | LinkageError | AssertionError e) {
        logger.error("command failed with an unexpected exception", e);
        span.failed(e);
        return failed(command, new UnhandledError("unexpected exception", e), span, start);
      }
    } finally {
      mdc.close();
      span.end();
    }
  }

  private Message failed(Message command, PuristaError error, HandlerSpan span, long start) {
    span.failed(error);
    metrics.record(start, error);
    return Messages.errorResponse(command, error, responder(), span.otp(command));
  }

  private MessageAddress responder() {
    return self.withInstanceId(resources.bridge().instanceId());
  }
}
