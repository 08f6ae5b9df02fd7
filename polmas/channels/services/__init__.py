"""Channel services: inbound processing, conversation, outbound queue, broadcasts, backends."""
