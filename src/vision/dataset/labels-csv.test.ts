import { describe, expect, it } from 'vitest';
import { LabelsError, parseLabelsCsv } from './labels-csv';

describe('parseLabelsCsv', () => {
  it('reads rows, tolerating a BOM, CRLF, blank lines and upper-case genders', () => {
    const faces = parseLabelsCsv('\uFEFFfile,age,gender\r\n00001A67.jpg,67,female\r\n\r\n00002A23.jpg, 23 ,MALE\r\n');
    expect(faces).toEqual([
      { file: '00001A67.jpg', age: 67, gender: 'female' },
      { file: '00002A23.jpg', age: 23, gender: 'male' },
    ]);
  });

  it.each([
    ['name,age,sex\na.jpg,1,male', 'first line'],
    ['file,age,gender\na.jpg,old,male', 'line 2: age "old"'],
    ['file,age,gender\na.jpg,130,male', 'from 0 to 120'],
    ['file,age,gender\na.jpg,30,other', 'gender must be'],
    ['file,age,gender\n../etc/passwd,30,male', 'not a plain file name'],
    ['file,age,gender\n/abs.jpg,30,male', 'not a plain file name'],
    ['file,age,gender\na.jpg,30,male,extra', 'expected 3 columns'],
  ])('refuses %j with a message naming the problem', (text, message) => {
    expect(() => parseLabelsCsv(text)).toThrow(LabelsError);
    expect(() => parseLabelsCsv(text)).toThrow(message);
  });

  it('names every bad row, not only the first', () => {
    expect(() => parseLabelsCsv('file,age,gender\na.jpg,old,male\nb.jpg,30,male\n../c.jpg,30,male\n')).toThrow(/line 2: age "old".*\n.*line 4: "\.\.\/c\.jpg" is not a plain file name/);
  });
});
