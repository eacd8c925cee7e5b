"""Ways out of wirecoder: the command line, the HTTP API and the dashboard."""
