"""Pure rules of backbreak: standard library only, time always passed in as a value."""
