package dev.purista.core;

/** The HTTP methods a command can be exposed with, as in PURISTA. */
public enum HttpMethod {
  GET, POST, PUT, PATCH, DELETE
}
