/** The NOTIFY channels every node listens on. */
export const LIBRARY_CHANNEL = 'huashu_library';
export const REVOKED_CHANNEL = 'huashu_revoked';
export const FEEDBACK_CHANNEL = 'huashu_feedback';
