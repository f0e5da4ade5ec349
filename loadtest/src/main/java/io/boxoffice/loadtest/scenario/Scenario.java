package io.boxoffice.loadtest.scenario;

/** A load pattern: sets up what it sells through the API, drives it and says what it measured. */
public interface Scenario {

  String name();

  ScenarioResult run(Run run) throws Exception;
}
