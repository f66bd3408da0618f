package io.dukan.core.upgrade;

/** Where a wave is: waiting for its turn, being deployed, watched, passed, or put back. */
public enum WaveState {
    WAITING,
    DEPLOYING,
    WATCHING,
    PASSED,
    ROLLING_BACK,
    ROLLED_BACK
}
