-- The shop's feedback webhook ('' for none), and per feedback item the state of its forward to that webhook.
-- Feedback stored before this version was never meant to be forwarded, so it gets no forward row.
ALTER TABLE shops ADD COLUMN feedback_webhook_url text NOT NULL DEFAULT '';
CREATE TABLE feedback_forwards (
  feedback_id integer PRIMARY KEY REFERENCES feedback (id) ON DELETE CASCADE,
  state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sent', 'failed')),
  attempts integer NOT NULL DEFAULT 0,
  -- When a pending item is next due; a node that claims it moves this past its send timeout (a lease), so a
  -- node that dies mid-send leaves the item due again later rather than lost.
  next_attempt_at timestamptz NOT NULL,
  last_error text,
  sent_at timestamptz
);
CREATE INDEX feedback_forwards_due ON feedback_forwards (next_attempt_at) WHERE state = 'pending';
