"""The relationship, week by week, as the match shows it: its contact log, its ending."""
