/** What a repeated creation answers instead of the secret, which was shown once and is not kept. */
export const apiHashPlaceholder = '(shown once, when the key was created)';
