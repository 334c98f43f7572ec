import { describe, expect, test } from 'vitest';
import { maskDigits, maskPhone } from './mask-phone';

describe('maskPhone', () => {
  test('keeps the country code, two digits after it and the last two; hides the middle in groups', () => {
    expect(maskPhone('+493012345610')).toBe('+49 30 ••• ••• 10');
    expect(maskPhone('+49301234510')).toBe('+49 30 ••• •• 10');
    expect(maskPhone('+12125550199')).toBe('+1 21 ••• ••• 99');
  });

  test('reads numbers the sources already grouped or punctuated', () => {
    expect(maskPhone('+49 30 2291 4410')).toBe(maskPhone('+493022914410'));
    expect(maskPhone('+44 (20) 7946-0321')).toBe(maskPhone('+442079460321'));
  });

  test('a number without a country code keeps its last two digits only', () => {
    expect(maskPhone('030 1234 5678')).toBe('••• ••• ••• 78');
  });

  test('no original digit but the kept ones survives', () => {
    const raw = '+380441234567';
    const masked = maskPhone(raw);
    expect(masked).toBe('+380 44 ••• •• 67');
    expect(masked.replace(/\D/g, '')).toBe('3804467');
  });

  test('short numbers and text', () => {
    expect(maskPhone('+4930')).toBe('+49 30');
    expect(maskPhone('+49301')).toBe('+49 • 01');
    expect(maskPhone('12')).toBe('••');
    expect(maskPhone('anonymous')).toBe('anonymous');
    expect(maskPhone('sip:+4930123456@pbx')).toBe('sip:+••••••••56@pbx');
  });

  test('is idempotent: a masked number is left as it is', () => {
    const once = maskPhone('+49301234510');
    expect(maskPhone(once)).toBe(once);
  });
});

describe('maskDigits', () => {
  test('hides every digit but the last two once text carries five or more', () => {
    expect(maskDigits('Notary +49 30 8853 1200')).toBe('Notary +•• •• •••• ••00');
    expect(maskDigits('Desk 12')).toBe('Desk 12');
    expect(maskDigits('Billing hotline')).toBe('Billing hotline');
  });
});
