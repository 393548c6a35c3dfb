package dev.purista.cli.model;


/** The Maven coordinates and base package of a generated project. */
public record ProjectInfo(String name, String groupId, String artifactId, String version, String basePackage) {
}
