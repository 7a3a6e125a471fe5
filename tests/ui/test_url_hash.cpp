#include <gtest/gtest.h>

#include "url_hash.h"

namespace {

using lab::Settings;

TEST(UrlHash, DefaultsRoundTrip) {
  Settings decoded;
  decoded.samples = 7;
  ASSERT_TRUE(lab::decode_hash(lab::encode_hash(Settings{}), &decoded));
  EXPECT_TRUE(decoded == Settings{});
}

TEST(UrlHash, EverySettingRoundTrips) {
  Settings s;
  s.dataset = "spiral";
  s.samples = 321;
  s.noise = 0.35;
  s.train_ratio = 0.7;
  s.data_seed = 42;
  s.features = 0b1011101;
  s.hidden = {8, 3, 1};
  s.hidden_activation = bp::ActivationId::Relu;
  s.output_activation = bp::ActivationId::Sigmoid;
  s.loss = bp::LossId::Bce;
  s.init = bp::InitId::He;
  s.seed = 9;
  s.hyper = {0.123, 0.9, 25, 0.001, 0.0003};
  s.speed = 0;
  s.steady_frames = false;
  s.hidden_controls = lab::kControlArch | lab::kControlIo;
  Settings decoded;
  ASSERT_TRUE(lab::decode_hash("#" + lab::encode_hash(s), &decoded));
  EXPECT_TRUE(decoded == s);
  EXPECT_EQ(decoded.hidden, (std::vector<int>{8, 3, 1}));
}

TEST(UrlHash, NoHiddenLayersRoundTrip) {
  Settings s;
  s.hidden = {};
  Settings decoded;
  ASSERT_TRUE(lab::decode_hash(lab::encode_hash(s), &decoded));
  EXPECT_TRUE(decoded.hidden.empty()) << lab::encode_hash(s);
}

TEST(UrlHash, SteadyFramesAreTheDefaultAndOnlyTheirAbsenceIsWritten) {
  EXPECT_TRUE(Settings{}.steady_frames);
  EXPECT_EQ(lab::encode_hash(Settings{}).find("pace"), std::string::npos);
  Settings s;
  s.steady_frames = false;
  EXPECT_NE(lab::encode_hash(s).find("&pace=0"), std::string::npos);
}

TEST(UrlHash, TheLandscapesPlaneGridAndRangeRoundTripAndBadOnesAreRefusedWhole) {
  EXPECT_EQ(lab::encode_hash(Settings{}).find("land"), std::string::npos) << "the default is left out";
  Settings s;
  ASSERT_TRUE(lab::decode_hash("land=hessian:65:2", &s));
  EXPECT_EQ(s.landscape.mode, lab::LandscapeMode::Hessian);
  EXPECT_EQ(s.landscape.grid, 65);
  EXPECT_EQ(s.landscape.range, 2.0);
  ASSERT_TRUE(lab::decode_hash("land=w1,b1.2", &s));
  EXPECT_EQ(s.landscape.mode, lab::LandscapeMode::Names);
  EXPECT_EQ(s.landscape.name1, "w1");
  EXPECT_EQ(s.landscape.name2, "b1.2");
  EXPECT_EQ(s.landscape.grid, 33) << "grid and range keep their defaults";
  EXPECT_EQ(s.landscape.range, 1.0);
  for (const char* link : {"land=random@7:17:0.25:penalty", "land=path:33:4", "land=line:65:0.05",
                           "land=w5,w1:17:3", "land=random:33:1:penalty"}) {
    ASSERT_TRUE(lab::decode_hash(link, &s)) << link;
    const std::string hash = lab::encode_hash(s);
    EXPECT_EQ(hash.substr(hash.rfind("&land=") + 1), link);
    Settings again;
    ASSERT_TRUE(lab::decode_hash(lab::encode_hash(s), &again));
    EXPECT_TRUE(again == s) << link;
  }
  EXPECT_TRUE(s.landscape.with_penalty);
  for (const char* bad :
       {"land=", "land=hessian:64", "land=hessian:33:0", "land=hessian:33:21", "land=hessian:33:0.01", "land=hessian:33:nan",
        "land=w1,w1", "land=w1", "land=x1,w2", "land=w0,w2", "land=b1,w2", "land=w1,w2,w3",
        "land=random@", "land=random@-1", "land=random@1.5", "land=hessian:33:1:2", "land=saddle",
        "land=hessian:penalty:33", "land=path:33:1:penalty:penalty"}) {
    Settings kept;
    kept.samples = 7;
    const bp::Status st = lab::decode_hash(std::string("lr=0.5&") + bad, &kept);
    EXPECT_FALSE(st) << bad;
    EXPECT_NE(st.message().find("land="), std::string::npos) << bad << " → " << st.message();
    EXPECT_EQ(kept.samples, 7) << bad;
  }
}

TEST(UrlHash, MissingKeysTakeDefaultsAndEscapesDecode) {
  Settings s;
  ASSERT_TRUE(lab::decode_hash("lr=0.5&f=x1%5E2,x2%5E2&h=", &s));
  EXPECT_EQ(s.hyper.learning_rate, 0.5);
  EXPECT_EQ(s.features, (1u << 2) | (1u << 3));
  EXPECT_TRUE(s.hidden.empty());
  EXPECT_EQ(s.dataset, Settings{}.dataset);
}

TEST(UrlHash, BadLinksAreRejectedWholeAndNameTheKey) {
  const std::pair<const char*, const char*> cases[] = {
      {"lr=abc", "lr"},          {"mom=1.5", "momentum"},  {"bs=0", "bs"},
      {"h=17", "h"},             {"h=1,1,1,1,1,1,1", "h"}, {"ds=moon", "ds"},
      {"zz=1", "zz"},            {"lr=%zz", "lr"},         {"lr=1e999", "lr"},
      {"lr", "lr"},              {"f=", "features"},       {"loss=ce", "softmax"},
      {"act=softmax", "hidden"}, {"noise=2", "noise"},     {"n=99999999", "n"},
      {"lr=nan", "lr"},          {"seed=-1", "seed"},      {"hide=everything", "hide"},
      {"pace=2", "pace"},
  };
  for (const auto& [hash, culprit] : cases) {
    Settings s;
    s.samples = 123;
    const bp::Status st = lab::decode_hash(hash, &s);
    EXPECT_FALSE(st) << hash;
    EXPECT_NE(st.message().find(culprit), std::string::npos) << hash << " → " << st.message();
    EXPECT_EQ(s.samples, 123) << "output changed for " << hash;
  }
  Settings s;
  EXPECT_FALSE(lab::decode_hash(std::string(5000, 'a'), &s));
}

TEST(UrlHash, ALinkOpensALessonAtAStepCountedFromOne) {
  Settings s;
  lab::LinkTarget t;
  ASSERT_TRUE(lab::decode_link("#lesson=momentum&step=2&lr=0.5", &s, &t));
  EXPECT_EQ(t, (lab::LinkTarget{"momentum", 2}));
  EXPECT_EQ(s.hyper.learning_rate, 0.5);
  ASSERT_TRUE(lab::decode_link("lesson=momentum", &s, &t));
  EXPECT_EQ(t, (lab::LinkTarget{"momentum", 0})) << "no step: where the learner left it";
  ASSERT_TRUE(lab::decode_link("lr=0.5", &s, &t));
  EXPECT_EQ(t, lab::LinkTarget{});
}

TEST(UrlHash, ALessonAndStepRoundTripAfterTheSettings) {
  Settings s;
  s.hyper.momentum = 0.9;
  const std::string hash = lab::encode_link(s, {"batch-size", 3});
  EXPECT_EQ(hash, lab::encode_hash(s) + "&lesson=batch-size&step=3");
  Settings decoded;
  lab::LinkTarget t;
  ASSERT_TRUE(lab::decode_link(hash, &decoded, &t));
  EXPECT_TRUE(decoded == s);
  EXPECT_EQ(t, (lab::LinkTarget{"batch-size", 3}));
  EXPECT_EQ(lab::encode_link(s, {}), lab::encode_hash(s)) << "no lesson: no lesson keys";
}

TEST(UrlHash, BadLessonAndEmbedKeysAreRejectedWholeAndNameTheKey) {
  const std::pair<const char*, const char*> cases[] = {
      {"lesson=", "lesson"},         {"lesson=Momentum", "lesson"}, {"lesson=a%2Fb", "lesson"},
      {"lesson=x&step=0", "step"},   {"lesson=x&step=1.5", "step"}, {"lesson=x&step=-1", "step"},
      {"lesson=x&step=1000", "step"}, {"step=2", "step needs a lesson"},
      {"lesson=x&lr=abc", "lr"},
      {"embed=2", "embed"},           {"embed=yes", "embed"},
      {"embed=1&panels=", "panels"},  {"embed=1&panels=boundary,,loss_curve", "panels"},
      {"embed=1&panels=Loss", "panels"}, {"embed=1&panels=a%2Fb", "panels"},
      {"panels=boundary", "panels needs embed=1"},
  };
  for (const auto& [hash, culprit] : cases) {
    Settings s;
    s.samples = 123;
    lab::LinkTarget t{"kept", 4};
    const bp::Status st = lab::decode_link(hash, &s, &t);
    EXPECT_FALSE(st) << hash;
    EXPECT_NE(st.message().find(culprit), std::string::npos) << hash << " → " << st.message();
    EXPECT_EQ(s.samples, 123) << "settings changed for " << hash;
    EXPECT_EQ(t, (lab::LinkTarget{"kept", 4})) << "target changed for " << hash;
  }
}

TEST(UrlHash, AnEmbeddedFrameNamesItsPanelsAndRoundTrips) {
  Settings s;
  lab::LinkTarget t;
  ASSERT_TRUE(lab::decode_link("embed=1&panels=boundary,loss_curve&lr=0.5", &s, &t));
  EXPECT_TRUE(t.embed);
  EXPECT_EQ(t.panels, (std::vector<std::string>{"boundary", "loss_curve"}));
  EXPECT_EQ(s.hyper.learning_rate, 0.5);
  const std::string hash = lab::encode_link(s, t);
  EXPECT_EQ(hash, lab::encode_hash(s) + "&embed=1&panels=boundary,loss_curve");
  lab::LinkTarget again;
  ASSERT_TRUE(lab::decode_link(hash, &s, &again));
  EXPECT_EQ(again, t);
  ASSERT_TRUE(lab::decode_link("embed=0", &s, &t));
  EXPECT_EQ(t, lab::LinkTarget{}) << "embed=0 is the plain page";
  EXPECT_FALSE(lab::decode_hash("embed=1", &s)) << "a lesson set-up cannot embed";
}

TEST(UrlHash, WelcomeZeroSkipsTheFirstVisitCardAndStaysInTheLink) {
  Settings s;
  lab::LinkTarget t;
  ASSERT_TRUE(lab::decode_link("lr=0.5&welcome=0", &s, &t));
  EXPECT_FALSE(t.welcome);
  const std::string hash = lab::encode_link(s, t);
  EXPECT_EQ(hash, lab::encode_hash(s) + "&welcome=0");
  lab::LinkTarget again;
  ASSERT_TRUE(lab::decode_link(hash, &s, &again));
  EXPECT_EQ(again, t);
  ASSERT_TRUE(lab::decode_link("lesson=momentum&step=2&welcome=0", &s, &t));
  EXPECT_EQ(lab::encode_link(s, t), lab::encode_hash(s) + "&welcome=0&lesson=momentum&step=2")
      << "right after the settings: the lesson and step stay last";
  ASSERT_TRUE(lab::decode_link("welcome=1", &s, &t));
  EXPECT_EQ(t, lab::LinkTarget{}) << "welcome=1 is the default";
  EXPECT_EQ(lab::encode_link(s, t), lab::encode_hash(s));
  for (const char* bad : {"welcome=2", "welcome=no", "welcome="}) {
    lab::LinkTarget kept{"kept", 4};
    const bp::Status st = lab::decode_link(bad, &s, &kept);
    EXPECT_FALSE(st) << bad;
    EXPECT_NE(st.message().find("welcome"), std::string::npos) << bad << " → " << st.message();
    EXPECT_EQ(kept, (lab::LinkTarget{"kept", 4})) << bad;
  }
  EXPECT_FALSE(lab::decode_hash("welcome=0", &s)) << "a lesson set-up cannot hide the card";
}

TEST(UrlHash, ALinkLoadsLessonFilesByRelativePathsOnly) {
  Settings s;
  lab::LinkTarget t;
  ASSERT_TRUE(lab::decode_link("lessons=course/intro.json,trees-2.json&lesson=intro", &s, &t));
  EXPECT_EQ(t.lesson_files, (std::vector<std::string>{"course/intro.json", "trees-2.json"}));
  EXPECT_EQ(t.lesson, "intro");
  const std::string hash = lab::encode_link(s, t);
  EXPECT_EQ(hash, lab::encode_hash(s) + "&lesson=intro&lessons=course/intro.json,trees-2.json");
  lab::LinkTarget again;
  ASSERT_TRUE(lab::decode_link(hash, &s, &again));
  EXPECT_EQ(again, t);
  // Another host, the host's root, a scheme or a way out of the page's folder, also escaped.
  for (const char* bad : {"lessons=//evil/x.json", "lessons=%2F%2Fevil%2Fx.json", "lessons=/x.json",
                          "lessons=https://evil/x.json", "lessons=javascript:alert(1)", "lessons=../x.json",
                          "lessons=course/../../x.json", "lessons=%2E%2E/x.json", "lessons=a//b.json",
                          "lessons=./x.json", "lessons=a\\b.json", "lessons=", "lessons=a.json,,b.json"}) {
    lab::LinkTarget kept{"kept", 4};
    const bp::Status st = lab::decode_link(bad, &s, &kept);
    EXPECT_FALSE(st) << bad;
    EXPECT_NE(st.message().find("lessons"), std::string::npos) << bad << " → " << st.message();
    EXPECT_EQ(kept, (lab::LinkTarget{"kept", 4})) << bad;
  }
  EXPECT_FALSE(lab::decode_hash("lessons=a.json", &s)) << "a lesson set-up cannot load lessons";
}

TEST(UrlHash, SettingsOnlyLinksRefuseLessonKeys) {
  // A lesson step's "setup" is read by decode_hash: it sets up the lab, it cannot open lessons.
  Settings s;
  EXPECT_FALSE(lab::decode_hash("lesson=momentum", &s));
  EXPECT_FALSE(lab::decode_hash("ds=xor&step=2", &s));
}

TEST(UrlHash, NumbersAreWrittenShortestAndExactly) {
  EXPECT_EQ(bp::format_number(0.03), "0.03");
  EXPECT_EQ(bp::format_number(1), "1");
  EXPECT_EQ(bp::format_number(1e-7), "1e-07");
  const double third = 1.0 / 3.0;
  double back = 0;
  ASSERT_TRUE(bp::parse_number(bp::format_number(third), &back));
  EXPECT_EQ(back, third);
  EXPECT_FALSE(bp::parse_number("1.5x", &back));
  EXPECT_FALSE(bp::parse_number("", &back));
  EXPECT_FALSE(bp::parse_number("inf", &back));
}

}  // namespace
