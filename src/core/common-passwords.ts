/**
 * Passwords people choose first, which an attacker tries first: the most common passwords of
 * leaked Chinese and international sites (CSDN, 天涯, 178, RockYou and later collections) —
 * number runs and repeats, keyboard walks, 我爱你 in pinyin and numbers (5201314 = 我爱你一生一世),
 * lucky numbers (8, 6, 9), qq/wang/zhang with digits, and "password" in its disguises. Only the
 * entries of 8 characters or more matter (shorter ones are refused for their length); they are
 * kept lower-case. Pattern rules beside it (src/core/account-rules.ts) catch what a list cannot:
 * one repeated character, runs of digits, birthdays written YYYYMMDD.
 * See docs/decisions/2026-12-01-passwords.md.
 */
export const COMMON_PASSWORDS: ReadonlySet<string> = new Set([
  // Digits: runs, repeats, halves, lucky numbers.
  "12345678", "123456789", "1234567890", "0123456789", "01234567", "87654321", "987654321", "9876543210",
  "11111111", "111111111", "1111111111", "00000000", "000000000", "0000000000", "22222222", "33333333",
  "44444444", "55555555", "66666666", "666666666", "77777777", "88888888", "888888888", "8888888888",
  "99999999", "999999999", "12121212", "11223344", "11112222", "12344321", "12341234", "123123123",
  "1231234", "321321321", "123321123", "12345679", "123456788", "1234567899", "147258369", "147852369",
  "159753123", "159357123", "963852741", "741852963", "789456123", "123789456", "456789123", "147258",
  "13579246", "24680135", "13572468", "10203040", "11235813", "31415926", "314159265", "1472583690",
  "12345600", "12345611", "12345612", "12345666", "12345688", "12345689", "66668888", "88886666",
  "68686868", "16888888", "18888888", "168168168", "518518518", "51885188", "88889999", "99998888",
  "11118888", "12300000", "10000000", "20000000", "100200300", "1122334455", "1234512345", "123454321",
  "135792468", "246813579", "369258147", "258258258", "147147147", "369369369", "520520520", "5201314520",
  "52013145", "52013140", "1314520520", "13145200", "1314520", "5211314", "52113140", "7758521",
  "77585210", "77585211", "584520520", "5201314", "3344520", "33445566", "1314521", "13141314",
  "52013141314", "5201314a", "a5201314", "woaini520", "woaini1314", "woaini13145", "woaini521", "woaini123",
  "woaini1234", "woaini12345", "woaini123456", "woaini520520", "iloveyou", "iloveyou1", "iloveyou520",
  "iloveyou1314", "iloveu1314", "loveyou1314", "love1314", "love5201314", "ilove520", "woaiwojia",
  "woaiwoziji", "woaimama", "woaibaba", "woainima", "wodemima", "mimamima", "mima1234", "mima123456",
  "woshishui", "nishishui", "wohenhao", "zhongguo", "zhongguoren", "china123", "china1234", "chinese1",
  "beijing2008", "beijing123", "shanghai", "shanghai123", "tianya123", "csdn1234", "csdn123456",
  // qq, wang, zhang, li … with digits.
  "qq123456", "qq1234567", "qq12345678", "qq123456789", "qq5201314", "qq666666", "qq888888", "qqqqqqqq",
  "qq111111", "qq000000", "qwe123456", "qaz123456", "wang1234", "wang123456", "wangwang", "zhang123",
  "zhang123456", "li123456", "liu123456", "chen123456", "yang123456", "zhao123456", "huang123456",
  "wangyang", "zhangwei", "wangwei", "liwei123", "zhangjie", "wangjing", "xiaoming", "xiaohong",
  "dongdong", "feifei123", "lili1234", "tingting", "jiajia123", "huanhuan", "haohao123", "xiaoxiao",
  // Letters and digits.
  "a1234567", "a12345678", "a123456789", "a11111111", "a1111111", "aa123456", "aa12345678", "aaa12345",
  "abc12345", "abc123456", "abc1234567", "abcd1234", "abcd123456", "abcde123", "abcdef12", "abcdefg1",
  "abcdefgh", "abcdefghi", "abcdefghij", "aaaaaaaa", "aaaaaaaaa", "asd12345", "asd123456", "asdf1234",
  "asdf123456", "asdfghjk", "asdfghjkl", "asdasdasd", "qwe12345", "qwer1234", "qwerty12", "qwerty123",
  "qwerty1234", "qwertyui", "qwertyuiop", "qweqweqwe", "qweasdzxc", "qweasd123", "123qweasd", "123qwe123",
  "123qweasdzxc", "1qaz2wsx", "1qaz2wsx3edc", "1qazxsw2", "zaq12wsx", "zxcvbnm1", "zxcvbnm123", "zxc12345",
  "zxc123456", "zxcv1234", "zxcvbnma", "q1w2e3r4", "q1w2e3r4t5", "1q2w3e4r", "1q2w3e4r5t", "1q2w3e4r5t6y",
  "q1q1q1q1", "a1b2c3d4", "a1s2d3f4", "z1x2c3v4", "1a2b3c4d", "qazwsxedc", "qazwsx123", "asdfasdf",
  "123abc123", "123456abc", "123456aa", "123456qq", "123456as", "123456ab", "123456a", "12345abc",
  "1234abcd", "1234qwer", "1234asdf", "12qwaszx", "qw123456", "as123456", "zx123456", "ab123456",
  "w123456789", "z123456789", "q123456789", "s123456789", "x123456789", "p@ssw0rd", "p@ssword",
  // "password" and the words of accounts.
  "password", "password1", "password12", "password123", "password1234", "passw0rd", "passwd123", "pass1234",
  "pass123456", "pa55word", "mypassword", "admin123", "admin1234", "admin12345", "admin123456", "admin888",
  "admin8888", "administrator", "root1234", "root123456", "rootroot", "adminadmin", "test1234", "test123456",
  "testtest", "guest123", "user1234", "welcome1", "welcome123", "letmein1", "changeme", "default1",
  "login123", "system123", "manager1", "super123", "master123", "secret123", "computer", "internet",
  "sunshine", "princess", "football", "baseball", "superman", "batman123", "monkey123", "dragon123",
  "shadow12", "michael1", "jennifer", "trustno1", "starwars", "whatever", "11qq22ww", "1qa2ws3ed",
  // The platform's own words.
  "jiuye123", "jiuye2026", "bangfu123", "fupin123", "renshe123", "rensheju", "gongzuo123", "zhaogongzuo",
]);
