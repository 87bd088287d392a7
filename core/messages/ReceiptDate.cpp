#include "core/messages/ReceiptDate.h"

#include <cstdint>
#include <cstdio>

namespace dossier::messages {
namespace {

// Days since 1970-01-01 of a civil date (H. Hinnant's days_from_civil).
std::int64_t DaysFromCivil(std::int64_t year, unsigned month, unsigned day) {
  year -= month <= 2;
  const std::int64_t era = (year >= 0 ? year : year - 399) / 400;
  const auto year_of_era = static_cast<unsigned>(year - era * 400);
  const unsigned day_of_year = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  const unsigned day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + static_cast<std::int64_t>(day_of_era) - 719468;
}

struct CivilTime {
  std::int64_t year;
  unsigned month, day, hour, minute;
};

// The inverse (civil_from_days), with the time of day.
CivilTime CivilFromSeconds(std::int64_t seconds) {
  std::int64_t days = seconds >= 0 ? seconds / 86400 : (seconds - 86399) / 86400;
  auto in_day = static_cast<unsigned>(seconds - days * 86400);
  days += 719468;
  const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const auto day_of_era = static_cast<unsigned>(days - era * 146097);
  const unsigned year_of_era =
      (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
  const unsigned day_of_year =
      day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  const unsigned mp = (5 * day_of_year + 2) / 153;
  const unsigned day = day_of_year - (153 * mp + 2) / 5 + 1;
  const unsigned month = mp < 10 ? mp + 3 : mp - 9;
  std::int64_t year = static_cast<std::int64_t>(year_of_era) + era * 400 + (month <= 2);
  return {year, month, day, in_day / 3600, in_day % 3600 / 60};
}

// 01:00 UTC on the last Sunday of `month` (31 days: March or October).
std::int64_t LastSundayOneAm(std::int64_t year, unsigned month) {
  std::int64_t last = DaysFromCivil(year, month, 31);
  std::int64_t weekday = ((last + 4) % 7 + 7) % 7;  // 1970-01-01 was a Thursday (4)
  return (last - weekday) * 86400 + 3600;
}

int ParisOffsetSeconds(std::int64_t utc_seconds, std::int64_t year) {
  bool summer = utc_seconds >= LastSundayOneAm(year, 3) && utc_seconds < LastSundayOneAm(year, 10);
  return summer ? 7200 : 3600;
}

const char* const kMonths[12] = {"janvier",   "février", "mars",     "avril",
                                 "mai",       "juin",    "juillet",  "août",
                                 "septembre", "octobre", "novembre", "décembre"};

}  // namespace

std::string ReceiptDateText(const std::string& iso_utc) {
  int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0, consumed = 0;
  if (std::sscanf(iso_utc.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d%n", &year, &month, &day, &hour, &minute,
                  &second, &consumed) != 6 ||
      consumed != 19 || month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 ||
      minute > 59 || second > 60)
    return iso_utc;
  std::int64_t utc =
      DaysFromCivil(year, static_cast<unsigned>(month), static_cast<unsigned>(day)) * 86400 +
      hour * 3600 + minute * 60;
  CivilTime paris = CivilFromSeconds(utc + ParisOffsetSeconds(utc, year));
  std::string minutes = (paris.minute < 10 ? "0" : "") + std::to_string(paris.minute);
  return "le " + std::string(paris.day == 1 ? "1er" : std::to_string(paris.day)) + " " +
         kMonths[paris.month - 1] + " " + std::to_string(paris.year) + " à " +
         std::to_string(paris.hour) + " h " + minutes;
}

}  // namespace dossier::messages
