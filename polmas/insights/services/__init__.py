"""Writes of the insights app: roll-ups, kondusif snapshots, alerts."""
