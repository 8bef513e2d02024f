package io.switchboard.incidents;

/** Routing's sweep asks incidents to look at the SLA clocks, so one scheduler drives every timer. */
public interface SlaWatch {

    /** Records (and announces) every SLA warning and breach that is due now. */
    void checkDeadlines();
}
