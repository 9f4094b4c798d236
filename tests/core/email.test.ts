import { describe, expect, it } from 'vitest';
import { checkEmail } from '../../src/core/email';

describe('checkEmail', () => {
  it.each(['', '   '])(
    'accepts an empty address (%j): the partner can type it in the mail window',
    (value) => {
      expect(checkEmail(value)).toEqual([]);
    },
  );

  it.each(['name@contoso.com', 'first.last+csp@mail.contoso.co.uk', '  name@contoso.com  '])(
    'accepts one address: %j',
    (value) => {
      expect(checkEmail(value)).toEqual([]);
    },
  );

  it.each([
    ['a space inside', 'first last@contoso.com'],
    ['a space in the domain', 'name@contoso .com'],
    ['two addresses separated by a comma', 'a@contoso.com,b@contoso.com'],
    ['two addresses separated by a comma and space', 'a@contoso.com, b@contoso.com'],
    ['two addresses separated by a semicolon', 'a@contoso.com;b@contoso.com'],
    ['no @', 'name.contoso.com'],
    ['two @', 'name@@contoso.com'],
    ['no dot in the domain', 'name@contoso'],
    ['a domain ending with a dot', 'name@contoso.'],
    ['nothing before the @', '@contoso.com'],
    ['a display name with brackets', 'Name <name@contoso.com>'],
  ])('refuses %s', (_label, value) => {
    const findings = checkEmail(value);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ field: 'email', code: 'invalid-email' });
    expect(findings[0]?.message).not.toBe('');
  });
});
