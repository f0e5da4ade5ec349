package io.boxoffice.inventory.internal;

import org.springframework.stereotype.Component;

/** Lets tests in other packages run the sweeper by hand (its class is package-private). */
@Component
public class SweeperAccess {

  private final HoldSweeper sweeper;

  SweeperAccess(HoldSweeper sweeper) {
    this.sweeper = sweeper;
  }

  public int sweepAll() {
    return sweeper.sweepAll();
  }
}
