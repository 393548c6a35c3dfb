package dev.purista.core;

/** The context of a command handler, guard or transformer. */
public interface CommandContext extends HandlerContext {
}
