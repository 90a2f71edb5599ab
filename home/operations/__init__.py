"""What an operator needs to run Openly: request ids in every log line, logging
configuration (plain or JSON), the health endpoint for load balancers, and optional error
reporting with personal data scrubbed."""
