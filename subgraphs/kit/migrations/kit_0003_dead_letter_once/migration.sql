-- A message redelivered after it was parked (the ack was lost) is parked once.
CREATE UNIQUE INDEX _dead_letter_message_idx ON _dead_letter (consumer, stream_seq);
