package dev.purista.core;

import dev.purista.core.message.CommandPayload;

/**
 * The first step of the pipeline: turns the raw input into the shape the payload and parameter types expect,
 * for example to accept a legacy or foreign format. It sees the values as they arrived (the caller's objects in
 * process, JSON maps after a broker) and returns new ones, which are then bound and validated.
 */
@FunctionalInterface
public interface InputTransformer {
  CommandPayload transform(CommandContext context, Object rawPayload, Object rawParameter) throws Exception;
}
