#include "bench/deadline-sim/ProcessSampler.h"

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <sstream>

namespace dossier::sim {
namespace {

struct ProcStat {
  std::string comm;
  int ppid = 0;
  double cpu_s = 0;
  double rss_mb = 0;
  bool ok = false;
};

std::string ReadAll(const std::string& path) {
  std::ifstream in(path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// /proc/PID/stat: "pid (comm) state ppid … utime(14) stime cutime cstime …";
// comm may hold spaces, so fields are counted from the last ')'.
ProcStat ReadStat(int pid) {
  ProcStat stat;
  std::string text = ReadAll("/proc/" + std::to_string(pid) + "/stat");
  std::size_t open = text.find('('), close = text.rfind(')');
  if (open == std::string::npos || close == std::string::npos) return stat;
  stat.comm = text.substr(open + 1, close - open - 1);
  std::istringstream fields(text.substr(close + 2));
  std::vector<std::string> field{std::istream_iterator<std::string>(fields), {}};
  if (field.size() < 15) return stat;
  stat.ppid = std::stoi(field[1]);
  double ticks = static_cast<double>(sysconf(_SC_CLK_TCK));
  for (int i = 11; i <= 14; ++i)
    stat.cpu_s += std::stod(field[static_cast<std::size_t>(i)]) / ticks;
  std::istringstream status(ReadAll("/proc/" + std::to_string(pid) + "/status"));
  std::string line;
  while (std::getline(status, line))
    if (line.rfind("VmRSS:", 0) == 0) stat.rss_mb = std::stod(line.substr(6)) / 1024.0;
  stat.ok = true;
  return stat;
}

std::map<int, ProcStat> AllProcesses() {
  std::map<int, ProcStat> all;
  for (const auto& entry : std::filesystem::directory_iterator("/proc")) {
    const std::string name = entry.path().filename().string();
    if (name.empty() || !std::all_of(name.begin(), name.end(), ::isdigit)) continue;
    ProcStat stat = ReadStat(std::stoi(name));
    if (stat.ok) all[std::stoi(name)] = stat;
  }
  return all;
}

// The worker processes are the sibling binary dossier-worker, which dossierd's
// supervisor starts with `--worker-process`: that flag on the command line
// says which role a process of the tree plays (reported as "dossierd (worker)").
std::string RoleName(int pid, const ProcStat& stat, const std::map<int, ProcStat>& all) {
  if (stat.comm == "mariadbd") return stat.comm;
  std::string cmdline = ReadAll("/proc/" + std::to_string(pid) + "/cmdline");
  if (cmdline.find("--worker-process") != std::string::npos) return "dossierd (worker)";
  auto parent = all.find(stat.ppid);
  if (parent != all.end() && stat.comm != "dossierd") return "dossierd (" + stat.comm + ")";
  return stat.comm;
}

}  // namespace

double ProcessSampler::Sample() {
  std::map<int, ProcStat> all = AllProcesses();
  std::set<int> tree;
  for (const auto& [pid, stat] : all)
    if (roots_.empty() ? (stat.comm == "dossierd" || stat.comm == "mariadbd")
                       : std::find(roots_.begin(), roots_.end(), pid) != roots_.end())
      tree.insert(pid);
  // Parents have smaller pids only usually; repeat until no descendant is added.
  for (std::size_t before = 0; before != tree.size();) {
    before = tree.size();
    for (const auto& [pid, stat] : all)
      if (tree.count(stat.ppid)) tree.insert(pid);
  }
  double rss_sum = 0;
  for (int pid : tree) {
    const ProcStat& stat = all[pid];
    auto [it, fresh] = seen_.try_emplace(pid);
    ProcessFigures& figures = it->second;
    if (fresh) {
      figures = {pid, RoleName(pid, stat, all), stat.cpu_s, stat.cpu_s, 0, 0, sample_count_ == 0};
    }
    figures.last_cpu_s = stat.cpu_s;
    figures.peak_rss_mb = std::max(figures.peak_rss_mb, stat.rss_mb);
    ++figures.samples;
    rss_sum += stat.rss_mb;
  }
  ++sample_count_;
  peak_rss_sum_mb_ = std::max(peak_rss_sum_mb_, rss_sum);
  return rss_sum;
}

std::vector<ProcessFigures> ProcessSampler::Processes() const {
  std::vector<ProcessFigures> processes;
  for (const auto& [pid, figures] : seen_)
    if (figures.present_at_start) processes.push_back(figures);
  return processes;
}

int ProcessSampler::TransientProcesses() const {
  return static_cast<int>(std::count_if(seen_.begin(), seen_.end(), [](const auto& entry) {
    return !entry.second.present_at_start;
  }));
}

}  // namespace dossier::sim
