package dev.purista.cli.generate;

/**
 * A fixed answer a skeleton command gives, so that its generated test checks a real value instead of "not
 * null": the {@code ping} command of a new project answers {@code new PingResult("pong")}.
 *
 * @param component the name of the result record's one {@code String} component
 * @param value the value the handler returns and the test expects
 */
public record ResultExample(String component, String value) {
}
