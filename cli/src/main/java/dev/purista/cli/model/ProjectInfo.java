package dev.purista.cli.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** The Maven coordinates and base package of a generated project. */
@JsonPropertyOrder({"name", "groupId", "artifactId", "version", "basePackage"})
public record ProjectInfo(String name, String groupId, String artifactId, String version, String basePackage) {
}
