#pragma once

#include <string>
#include <utility>
#include <vector>

namespace sb::renderer {

// The escape attempts demo://sandbox makes, in the order it makes and shows them.
enum class ProbeId {
  kReadPasswd,
  kWriteTmp,
  kListRoot,
  kConnectInet,
  kConnectControlSocket,
  kExec,
  kFork,
  kSignalBrowser,
  kPtraceBrowser,
  kReadBrowserMemory,
  kSetuidRoot,
  kMapBeyondCap,
  kMount,
  // Last: when fork is denied this one runs in the renderer itself, and a new user namespace
  // would change what the attempts after it see.
  kNewUserNamespace,
};

enum class ProbeVerdict {
  kDenied,    // the attempt failed: the sandbox (or the system) stopped it
  kAllowed,   // the attempt went through: a compromised renderer could do this
  kNotTried,  // nothing to attempt here, e.g. the browser has no control socket
};

// What one attempt did.
struct ProbeOutcome {
  ProbeVerdict verdict = ProbeVerdict::kDenied;
  // The errno the attempt ended with; 0 when there was none. An allowed attempt may carry one
  // too: ECONNREFUSED from a connect still means socket() and connect() ran.
  int error = 0;
  std::string detail;  // what exactly happened, in a few words

  static ProbeOutcome denied(int error, std::string detail = {}) {
    return {ProbeVerdict::kDenied, error, std::move(detail)};
  }
  static ProbeOutcome allowed(std::string detail, int error = 0) {
    return {ProbeVerdict::kAllowed, error, std::move(detail)};
  }
  static ProbeOutcome notTried(std::string detail) {
    return {ProbeVerdict::kNotTried, 0, std::move(detail)};
  }
};

// Makes escape attempts for real (the process) or pretends to (tests).
class SystemProbes {
 public:
  virtual ~SystemProbes() = default;
  // Whether the browser started this renderer under the sandbox: no --no-sandbox on its command
  // line.
  virtual bool sandboxed() const = 0;
  // The layers that did not engage although the sandbox is on ("landlock"), as this renderer
  // reported them in its Hello.
  virtual std::vector<std::string> layersNotEngaged() const = 0;
  // One attempt. Every attempt must be harmless when it succeeds, because the same page runs
  // with --no-sandbox.
  virtual ProbeOutcome run(ProbeId probe) = 0;
};

}  // namespace sb::renderer
