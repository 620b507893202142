-- Schema 5: what the due list reads (being written).

PRAGMA user_version = 5;
