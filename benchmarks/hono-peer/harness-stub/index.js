// The names @purista/core imports from @purista/harness. The command path measured here never uses them.
export class InMemoryStateStore {}
export class ModelCapabilityError extends Error {}
export class ModelError extends Error {}
export function defineHarness(definition) {
  return definition
}
