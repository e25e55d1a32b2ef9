-- An invitation may be for a person already in the shop: their second browser joins as the same agent.
ALTER TABLE codes ADD COLUMN user_id integer REFERENCES users (id);
