/** Per-tick event counters, reset at the start of every tick (no allocation). */
export class TickCounters {
  /**
   * Flow accounts: tacit by channel [0..4), explicit by channel [4..8), and what firms
   * learned (tacit + explicit) by source [8..12): firms, institutions, residents, outside.
   */
  readonly flows = new Float64Array(12);
  meetings = 0;
  pipelineMeetings = 0;
  firmMeetings = 0;
  firmAccepted = 0;
  firmRepeat = 0;
  innovations = 0;
  radical = 0;
  value = 0;
  noveltySum = 0; // sum of S over the tick's innovations
  entriesSpinoff = 0;
  entriesOutside = 0;
  exits = 0;
  trained = 0;
  moves = 0;
  migrants = 0;
  policyCost = 0;

  reset(): void {
    this.flows.fill(0);
    this.meetings = 0;
    this.pipelineMeetings = 0;
    this.firmMeetings = 0;
    this.firmAccepted = 0;
    this.firmRepeat = 0;
    this.innovations = 0;
    this.radical = 0;
    this.value = 0;
    this.noveltySum = 0;
    this.entriesSpinoff = 0;
    this.entriesOutside = 0;
    this.exits = 0;
    this.trained = 0;
    this.moves = 0;
    this.migrants = 0;
    this.policyCost = 0;
  }
}
